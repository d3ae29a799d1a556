package main

import (
	"net"
	"strings"
	"testing"
)

func TestPrivateAddress(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	tests := []struct {
		name  string
		addrs []net.Addr
		want  string
	}{
		{"loopback only", []net.Addr{cidr("127.0.0.1/8"), cidr("::1/128")}, ""},
		{"a public address is never chosen", []net.Addr{cidr("127.0.0.1/8"), cidr("81.2.69.160/24")}, ""},
		{"the first private one", []net.Addr{cidr("127.0.0.1/8"), cidr("81.2.69.160/24"), cidr("10.20.1.15/16"), cidr("192.168.1.4/24")}, "10.20.1.15"},
		{"172.16/12", []net.Addr{cidr("172.20.0.3/16")}, "172.20.0.3"},
		{"not 172.32", []net.Addr{cidr("172.32.0.3/16")}, ""},
		{"IPv6 unique-local is skipped (IPv4 is what people type)", []net.Addr{cidr("fd00::5/64"), cidr("192.168.0.9/24")}, "192.168.0.9"},
	}
	for _, tt := range tests {
		ip, ok := privateAddress(tt.addrs)
		got := ""
		if ok {
			got = ip.String()
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLiveFlagsCheck(t *testing.T) {
	tests := []struct {
		lf liveFlags
		ok bool
	}{
		{liveFlags{max: 60}, true},
		{liveFlags{max: 60, listen: "127.0.0.1:0"}, true},
		{liveFlags{max: 60, listen: "0.0.0.0:2222"}, true}, // asked for by name
		{liveFlags{max: 60, listen: ":2222"}, false},       // every interface, silently
		{liveFlags{max: 60, listen: "10.0.0.1"}, false},
		{liveFlags{max: 60, listen: "10.0.0.1:99999"}, false},
		{liveFlags{max: 0}, false},
		{liveFlags{max: 501}, false},
	}
	for _, tt := range tests {
		if err := tt.lf.check(); (err == nil) != tt.ok {
			t.Errorf("%+v: err %v, want ok %v", tt.lf, err, tt.ok)
		}
	}
}

func TestShownHost(t *testing.T) {
	if h := shownHost("10.20.1.15:2222"); h != "" {
		t.Errorf("a room on one address shows %q, want that address itself (\"\")", h)
	}
	if h := shownHost("127.0.0.1:0"); h != "" {
		t.Errorf("loopback shows %q", h)
	}
	addrs, _ := net.InterfaceAddrs()
	want := ""
	if ip, ok := privateAddress(addrs); ok {
		want = ip.String()
	} else {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsGlobalUnicast() && want == "" {
				want = n.IP.To4().String()
			}
		}
	}
	if want == "0.0.0.0" || strings.HasPrefix(want, "127.") {
		t.Fatalf("a shown address can never be %q", want)
	}
	if h := shownHost("0.0.0.0:2222"); h != want {
		t.Errorf("every interface shows %q, want this machine's address %q", h, want)
	}
}
