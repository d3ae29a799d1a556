package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"strconv"

	"github.com/carehuddle/huddle/store"
	"github.com/carehuddle/huddle/ui"
)

// liveFlags are present's flags for live participation: the room is off
// unless --live is given (or L is pressed in a workshop), and it listens
// on one private-network address, never on every interface silently.
type liveFlags struct {
	open   bool
	listen string
	max    int
}

// defaultLiveMax is the room's default cap on participants.
const defaultLiveMax = 60

// DefaultLivePort is the port the room listens on when --live-listen
// names none.
const DefaultLivePort = 2222

func (lf *liveFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&lf.open, "live", false, "open the live room at start (participants join over SSH)")
	fs.StringVar(&lf.listen, "live-listen", "", "the room's address, HOST:PORT (default: this machine's private-network address, port 2222)")
	fs.IntVar(&lf.max, "live-max", defaultLiveMax, "most participants in the room at once")
}

// check reports a flag that cannot work, before the screen takes over.
func (lf *liveFlags) check() error {
	if lf.max < 1 || lf.max > 500 {
		return fmt.Errorf("--live-max %d: give a number from 1 to 500", lf.max)
	}
	if lf.listen == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(lf.listen)
	if err != nil {
		return fmt.Errorf("--live-listen %q: give HOST:PORT, for example 10.20.1.15:2222", lf.listen)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return fmt.Errorf("--live-listen %q: the port must be a number up to 65535", lf.listen)
	}
	if host == "" {
		return fmt.Errorf("--live-listen %q: name the address to listen on (listening on every interface must be asked for by name, 0.0.0.0)", lf.listen)
	}
	return nil
}

// address is where the room listens: the flag's address, or else this
// machine's first private-network IPv4 address on DefaultLivePort.
func (lf *liveFlags) address() (string, error) {
	if lf.listen != "" {
		return lf.listen, nil
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return "", err
	}
	ip, ok := privateAddress(addrs)
	if !ok {
		return "", errNoPrivateAddress
	}
	return net.JoinHostPort(ip.String(), strconv.Itoa(DefaultLivePort)), nil
}

var errNoPrivateAddress = errors.New("this machine has no private-network address for the room: connect to the room's network, or give one with --live-listen HOST:PORT")

// privateAddress picks the first private-network IPv4 address (10/8,
// 172.16/12, 192.168/16) of an interface; loopback and public addresses
// are never chosen on their own.
func privateAddress(addrs []net.Addr) (net.IP, bool) {
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		if ip4 := n.IP.To4(); ip4 != nil && ip4.IsPrivate() {
			return ip4, true
		}
	}
	return nil, false
}

// roomConfig is the room's configuration for the UI: where it listens (or
// why it cannot), its cap and its host key, kept beside the database.
func (lf *liveFlags) roomConfig(g globals) ui.RoomConfig {
	rc := ui.RoomConfig{AtStart: lf.open, Max: lf.max}
	addr, err := lf.address()
	if err != nil {
		rc.Unavailable = err.Error()
	} else {
		rc.Listen = addr
		rc.Host = shownHost(addr)
	}
	db := g.db
	if db == "" {
		db, _ = store.DefaultPath()
	}
	if db != "" {
		rc.HostKeyPath = store.HostKeyPath(db)
	}
	return rc
}

// shownHost is the address participants type when the room listens on
// every interface (0.0.0.0, named on purpose): this machine's private
// address, or else its first other address but loopback; "" when the
// room listens on one address (that one is shown).
func shownHost(listen string) string {
	host, _, _ := net.SplitHostPort(listen)
	if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
		return ""
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	if ip, ok := privateAddress(addrs); ok {
		return ip.String()
	}
	for _, a := range addrs { // no private one: any address of this machine's but loopback
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsGlobalUnicast() {
			return n.IP.To4().String()
		}
	}
	return ""
}
