package model

import (
	"encoding/json"
	"testing"
)

func TestContinuumOrderAndNames(t *testing.T) {
	if !(ContinuumUnset < Attached && Attached < Aligned && Aligned < Embedded) {
		t.Error("continuum positions out of order")
	}
	want := []string{"attached", "aligned", "embedded"}
	for i, c := range Continuums {
		if c.String() != want[i] || !c.Valid() {
			t.Errorf("Continuums[%d] = %v (valid %v), want %s", i, c, c.Valid(), want[i])
		}
	}
	if ContinuumUnset.String() != "" || ContinuumUnset.Valid() || Continuum(9).Valid() {
		t.Error("unset or out-of-range position")
	}
	if Continuum(9).String() != "Continuum(9)" || Continuum(-1).String() != "Continuum(-1)" {
		t.Error("String of an invalid position")
	}
	if Embedded.Title() != "Embedded" || ContinuumUnset.Title() != "" {
		t.Error("Title")
	}
}

func TestParseContinuum(t *testing.T) {
	tests := []struct {
		in      string
		want    Continuum
		wantErr bool
	}{
		{"attached", Attached, false},
		{"Aligned", Aligned, false},
		{"  EMBEDDED ", Embedded, false},
		{"", ContinuumUnset, false},
		{"integrated", ContinuumUnset, true},
		{"embed", ContinuumUnset, true},
	}
	for _, tt := range tests {
		got, err := ParseContinuum(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseContinuum(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	for _, c := range append([]Continuum{ContinuumUnset}, Continuums...) {
		if back, err := ParseContinuum(c.String()); err != nil || back != c {
			t.Errorf("round trip of %v: %v, %v", c, back, err)
		}
	}
}

func TestContinuumJSON(t *testing.T) {
	type rec struct {
		Position Continuum `json:"position"`
	}
	data, err := json.Marshal(rec{Aligned})
	if err != nil || string(data) != `{"position":"aligned"}` {
		t.Fatalf("marshal: %s, %v", data, err)
	}
	var back rec
	if err := json.Unmarshal([]byte(`{"position":"Embedded"}`), &back); err != nil || back.Position != Embedded {
		t.Errorf("unmarshal: %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"position":"nowhere"}`), &back); err == nil {
		t.Error("unmarshal of an unknown position succeeded")
	}
	if _, err := json.Marshal(rec{Continuum(7)}); err == nil {
		t.Error("marshal of an invalid position succeeded")
	}
}
