package model

// kindsData is a session with entries of one exercise, in order.
func kindsData(entries ...Entry) SessionData {
	d := SessionData{Session: Session{ID: "s"}}
	for i, e := range entries {
		if e.ID == "" {
			e.ID = string(rune('a' + i))
		}
		d.Entries = append(d.Entries, e)
	}
	return d
}
