package ui

import (
	"context"
	"crypto/tls"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/carehuddle/huddle/ui/common"
	"github.com/carehuddle/huddle/ui/live"
)

// RoomWeb is how the room's web door for phones opens (huddle present
// --live-web): off unless On, on the room's own address at Port.
type RoomWeb struct {
	On   bool
	Port int              // the web page's port on the room's address
	Cert *tls.Certificate // an organisation's certificate: HTTPS; nil for plain HTTP
	Host string           // the name the certificate is for ("" : the address)
}

// Texts of the web door on the facilitator's panel.
const (
	webJoinLead    = "Join from a phone: scan the code, or open"
	webUnencrypted = "the web link is not encrypted (anyone on this Wi-Fi could read it): use --tls-cert/--tls-key for an organisation's certificate"
)

// openRoomWeb starts the web door of room on the host of listen (the SSH
// door's address) at cfg.Port, or returns nil when the web door is off.
// It runs off the update loop, beside ListenSSH.
func openRoomWeb(room *live.Room, listen string, cfg RoomWeb) (*live.WebServer, error) {
	if !cfg.On {
		return nil, nil
	}
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, err
	}
	var opts []live.WebOption
	if cfg.Cert != nil {
		opts = append(opts, live.WithTLS(*cfg.Cert))
	}
	if cfg.Host != "" {
		opts = append(opts, live.WithPublicHost(cfg.Host))
	}
	return live.ListenWeb(net.JoinHostPort(host, strconv.Itoa(cfg.Port)), room, opts...)
}

// closeRoomWeb stops the web door: every page is told the room closed.
func closeRoomWeb(srv *live.WebServer) {
	if srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

// roomWeb is the facilitator's side of the web door: the server, or why
// it did not open, and the QR code drawn for the join link it was last
// drawn for (the link changes with the code).
type roomWeb struct {
	srv *live.WebServer
	err string
	url string
	qr  string
}

// newRoomWeb keeps the web door that opened, or why it did not.
func newRoomWeb(srv *live.WebServer, err error) roomWeb {
	rw := roomWeb{srv: srv}
	if err != nil {
		rw.err = "the web page did not open: " + err.Error()
	}
	return rw
}

// link is the join link now ("" with no web door or a closed room); the
// QR code is drawn again when the code has changed.
func (rw *roomWeb) link() string {
	if rw.srv == nil {
		return ""
	}
	if u := rw.srv.JoinURL(); u != rw.url {
		rw.url, rw.qr = u, ""
		if u != "" {
			rw.qr, _ = live.QRText(u)
		}
	}
	return rw.url
}

// lines are the web door's part of the panel: how to join from a phone,
// the link, the QR code, and whether the link is encrypted. None when
// the web door is off.
func (rw *roomWeb) lines(t common.Theme, w int) []string {
	if rw.err != "" {
		return []string{t.Warning.Render(common.Clip(rw.err, w))}
	}
	u := rw.link()
	if u == "" {
		return nil
	}
	out := []string{webJoinLead, "", "    " + t.Heading.Render(u), ""}
	if rw.qr != "" {
		for _, l := range strings.Split(rw.qr, "\n") {
			out = append(out, "    "+l)
		}
		out = append(out, "")
	}
	if !rw.srv.Encrypted() {
		for _, l := range common.PackWith(strings.Fields(webUnencrypted), " ", max(w, 30)) {
			out = append(out, t.Warning.Render(l))
		}
	}
	return out
}

// beside puts the web door's lines to the right of the panel's when the
// screen is wide enough for both, and under them when it is not.
func (rw *roomWeb) beside(panel string, t common.Theme, w int) string {
	const gap = 3
	if rw.link() == "" && rw.err == "" {
		return panel
	}
	// The column is as wide as its widest line but the warning, which
	// wraps to that width.
	col := lipgloss.Width(webJoinLead)
	for _, l := range rw.lines(t, 0) {
		if !strings.Contains(l, "not encrypted") {
			col = max(col, lipgloss.Width(l))
		}
	}
	if col+gap+40 <= w {
		right := strings.Join(rw.lines(t, col), "\n")
		left := lipgloss.NewStyle().MaxWidth(w - lipgloss.Width(right) - gap).Render(panel)
		return lipgloss.JoinHorizontal(lipgloss.Top, left, strings.Repeat(" ", gap), right)
	}
	return panel + "\n\n" + strings.Join(rw.lines(t, w), "\n")
}

// footer is the web link for the projected room line ("" without one).
func (rw *roomWeb) footer() string {
	if u := rw.link(); u != "" {
		return "or " + u
	}
	return ""
}
