package model

import (
	"testing"
	"time"
)

// guardToday is the date the table below is scanned as of, so that "old"
// and "future" dates stay what they are whenever the test runs.
var guardToday = time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC)

// identifierLines are realistic lines from social care team sessions, each
// holding one identifier of a kind the guard covers, typed or pasted from
// Word, Outlook or a case system (non-breaking spaces, en dashes, zero-width
// spaces, full-width digits).
var identifierLines = []struct{ kind, line string }{
	{FindingNHSNumber, "NHS number 943 476 5919 for the referral"},
	{FindingNHSNumber, "referral for 485 123 4562 came back from the GP"},
	{FindingNHSNumber, "pasted from Outlook: 401\u00a0123\u00a04567"},
	{FindingNHSNumber, "his number is 450\u2013123\u20134563 on the letter"},
	{FindingNHSNumber, "NHS no: 634\u200b123\u200b4562"},
	{FindingNHSNumber, "707.123.4566 (from the discharge summary)"},
	{FindingNHSNumber, "721  123  4563 double spaced in Word"},
	{FindingNHSNumber, "943-123-4564"},
	{FindingNHSNumber, "612 1234 563 as written on the form"},
	{FindingNHSNumber, "id 9991313753"},
	{FindingNHSNumber, "\uff14\uff16\uff15 \uff11\uff12\uff13 \uff14\uff15\uff16\uff19 (full width)"},
	{FindingNHSNumber, "patient 431 123 4562, please chase"},
	{FindingNHSNumber, "Ward 3 668 123 4569 needs a review"},
	{FindingNHSNumber, "NHS No. 703 123 4565."},
	{FindingNHSNumber, "489 \u2014 123 \u2014 4563"},
	{FindingNHSNumber, "NHS number 412 123 4560 (I may have mistyped it)"},
	{FindingCHINumber, "CHI 120358 1009 transferred from Lothian"},
	{FindingCHINumber, "CHI number 0101451008"},
	{FindingCHINumber, "chi 311299\u00a01001"},
	{FindingCHINumber, "Scottish patient 2506721002"},
	{FindingCHINumber, "CHI: 070788 1005 (Glasgow)"},
	{FindingCHINumber, "her CHI is 2902401000"},
	{FindingNINumber, "NI number AB 12 34 56 C for the benefits form"},
	{FindingNINumber, "National Insurance JG103759A"},
	{FindingNINumber, "NINO: ZR 40 68 21 B"},
	{FindingNINumber, "ni no jg 10 37 59 a"},
	{FindingNINumber, "NI CE123456D on the housing benefit claim"},
	{FindingNINumber, "his NI is PZ 65 43 21"},
	{FindingPostcode, "moved to NG7 2RD last month"},
	{FindingPostcode, "postcode ng7 2rd"},
	{FindingPostcode, "lives near sw1a 1aa"},
	{FindingPostcode, "B33 8TH"},
	{FindingPostcode, "her flat is in LS6\u00a02AB"},
	{FindingPostcode, "postcode is m13 9pl"},
	{FindingPostcode, "CF10 3NQ (Cardiff)"},
	{FindingPostcode, "EH1 1YZ"},
	{FindingPostcode, "care home at DN55 1PT"},
	{FindingPostcode, "bt7 1nn belfast"},
	{FindingPhone, "daughter's mobile 07700 900123"},
	{FindingPhone, "call +44 7700 900456 after 5"},
	{FindingPhone, "0044 7700 900789"},
	{FindingPhone, "+44 (0)115 496 0123"},
	{FindingPhone, "landline (0115) 496 0456"},
	{FindingPhone, "020\u00a07946\u00a00018"},
	{FindingPhone, "ring 0113\u2013496\u20130789"},
	{FindingPhone, "+44(0)7700900111"},
	{FindingEmail, "son is jo.bloggs@example.co.uk"},
	{FindingEmail, "email from a.patel@nhs.net about her care"},
	{FindingDateOfBirth, "DOB 12/03/1958"},
	{FindingDateOfBirth, "d.o.b. 3rd March 1944"},
	{FindingDateOfBirth, "born 14.07.1962"},
	{FindingDateOfBirth, "date of birth: 1939-11-02"},
	{FindingDateOfBirth, "the man, 21/09/1951, was admitted"},
	{FindingDateOfBirth, "born in March 1940"},
	{FindingDateOfBirth, "DOB 03/02/2025 (baby)"},
	{FindingDateOfBirth, "born 1937"},
	{FindingDateOfBirth, "her birthday is 5 May 1948"},
	{FindingDateOfBirth, "12.03.58 from the old notes"},
	{FindingAge, "a woman aged 87 living alone"},
	{FindingAge, "an 84-year-old man with dementia"},
	{FindingAge, "she is 92 years old"},
	{FindingName, "Mrs Jones said she felt rushed"},
	{FindingName, "Mr O'Neil refused the visit"},
	{FindingName, "Dr Patel from the practice"},
	{FindingName, "Mr O\u2019Neil again"},
	{FindingName, "Miss McDonald's daughter"},
	{FindingName, "Mrs J. Smith-Jones"},
	{FindingName, "MRS WILLIAMS on the list"},
	{FindingAddress, "she lives at 14 Elm Road"},
	{FindingAddress, "Flat 2, 27 Victoria Street"},
	{FindingAddress, "visited 3 The Close on Monday"},
	{FindingAddress, "lives at Rose Cottage"},
	{FindingAddress, "12 oak avenue"},
	{FindingAddress, "residing at Oakwood Care Home"},
	{FindingAddress, "104a Mill Lane"},
}

// innocentLines are ordinary lines of a team session: meeting dates, team
// sizes, ward numbers, durations, times, money, percentages, years.
var innocentLines = []string{
	"next meeting 14/01/2027",
	"we met on 3 March 2026 and again on 12/10/2026",
	"review on 2026-12-15",
	"deadline 31.03.27",
	"the team is 12 people, 4 part time",
	"ward 7 and ward 12 are short of staff",
	"we spend 20 minutes on handover, 45 mins on the ward round",
	"meet at 10:30 or 10.30 in room 2",
	"shift 07:00 to 19:30",
	"saved £2,000 on 12 cases; £12,500 to £9,800 overall",
	"50% of visits ran over, 1 in 4 people",
	"Care Act 2014 and the 2015 guidance",
	"caseloads of 25 to 30 per worker",
	"phase 2 of 3, 2nd meeting on the 3rd floor",
	"1-2-1 supervision every 4-6 weeks",
	"rated 3 out of 5 by 18 staff",
	"costs from 2016/17 to 2017/18",
	"Module 2 slide 14, see page 4",
	"version 1.2.10 of the form",
	"we had 1,234,567 contacts in the region",
	"people aged 65 and over",
	"staff aged 18 to 25",
	"the M1 3rd junction was closed",
	"B2 1st floor meeting room",
	"the Close Support team has 3 people",
	"we need 2 more people on the rota",
	"he lives at home with his wife",
	"Mrs X told us she felt rushed",
	"Miss Monday's meeting? No",
	"the NHS Long Term Plan 2019",
	"ratio 3:1, score 10/10, 100 000 people",
	"called 111 and 999 twice this year",
	"order 500 gloves, 200 aprons",
	"45% fewer falls since April 2025",
	"the team met 3 times in October",
	"average visit 35 minutes, 2.5 hours travel a day",
	"beds 1-24 on ward 5, 3 empty",
	"on call 0800 to 1800",
	"ISO 9001 and GDPR Article 9",
	"2 years in post, 6 months probation",
	"Q3 2026: 87 referrals",
	"room 4B at 2pm",
}

func TestGuardRecallAndFalseAlarms(t *testing.T) {
	if len(identifierLines) < 60 || len(innocentLines) < 40 {
		t.Fatalf("the table needs at least 60 identifiers and 40 innocent lines, has %d and %d", len(identifierLines), len(innocentLines))
	}
	hits := 0
	for _, c := range identifierLines {
		found := false
		for _, f := range ScanIdentifiersAt(c.line, guardToday) {
			found = found || f.Kind == c.kind
		}
		if found {
			hits++
		} else {
			t.Logf("missed %s in %q: %q", c.kind, c.line, findingKinds(ScanIdentifiersAt(c.line, guardToday)))
		}
	}
	alarms := 0
	for _, line := range innocentLines {
		if fs := ScanIdentifiersAt(line, guardToday); len(fs) > 0 {
			alarms++
			t.Logf("false alarm on %q: %q", line, findingKinds(fs))
		}
	}
	recall := float64(hits) / float64(len(identifierLines))
	falseAlarms := float64(alarms) / float64(len(innocentLines))
	precision := float64(hits) / float64(hits+alarms)
	t.Logf("privacy guard: recall %.1f%% (%d of %d identifiers), precision %.1f%%, false alarms %.1f%% (%d of %d innocent lines)",
		100*recall, hits, len(identifierLines), 100*precision, 100*falseAlarms, alarms, len(innocentLines))
	if recall < 0.95 {
		t.Errorf("recall %.1f%%, want at least 95%%", 100*recall)
	}
	if falseAlarms > 0.05 {
		t.Errorf("false alarms %.1f%%, want at most 5%%", 100*falseAlarms)
	}
}
