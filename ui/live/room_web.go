package live

// What the web door needs of the room beyond the Door: the seat a guest
// holds, and a watch on the room that can stop.

// SeatOf is the participant number of a guest that came in through this
// room's door, and false for any other guest.
func (r *Room) SeatOf(g Guest) (int, bool) {
	gg, ok := g.(*guest)
	if !ok || gg.room != r {
		return 0, false
	}
	return gg.seat, true
}

// WatchSeat gives a channel that receives whenever anything that seat may
// see could have changed (a pending wake is kept, later ones merged into
// it), and stop, which ends the watch (calling it again is safe). Each
// caller gets its own channel, so one participant can have several
// watchers (two tabs of the web page); what changed is read with View.
func (r *Room) WatchSeat(seat int) (changed <-chan struct{}, stop func()) {
	_ = seat // every change of the room can change a seat's view (tallies, the activity)
	return r.WatchWall()
}
