package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"net"
	"strings"

	"github.com/carehuddle/huddle/ui"
)

// liveWebFlags are present's flags for the room's web page, for phones:
// off unless --live-web is given; served on the room's own address at
// another port; HTTPS with an organisation's certificate when --tls-cert
// and --tls-key are given, plain HTTP (and the panel says so) otherwise.
type liveWebFlags struct {
	on        bool
	port      int
	cert, key string
	pair      *tls.Certificate // loaded by check
}

// DefaultLiveWebPort is the web page's port when --live-web-port names none.
const DefaultLiveWebPort = 8080

func (wf *liveWebFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&wf.on, "live-web", false, "let phones join the live room from a web page (a QR code on the room panel)")
	fs.IntVar(&wf.port, "live-web-port", DefaultLiveWebPort, "the web page's port on the room's address")
	fs.StringVar(&wf.cert, "tls-cert", "", "an organisation's certificate (PEM file) for the web page: served over HTTPS")
	fs.StringVar(&wf.key, "tls-key", "", "the private key (PEM file) of --tls-cert")
}

// check reports flags that cannot work, before the screen takes over, and
// loads the certificate. listen is --live-listen as given ("" when the
// room's address is found at start).
func (wf *liveWebFlags) check(listen string) error {
	if (wf.cert == "") != (wf.key == "") {
		return fmt.Errorf("give both --tls-cert and --tls-key (the certificate and its private key)")
	}
	if !wf.on {
		if wf.cert != "" {
			return fmt.Errorf("--tls-cert is for the web page: add --live-web")
		}
		return nil
	}
	if wf.port < 1 || wf.port > 65535 {
		return fmt.Errorf("--live-web-port %d: give a port from 1 to 65535", wf.port)
	}
	sshPort := fmt.Sprint(DefaultLivePort)
	if listen != "" {
		_, sshPort, _ = net.SplitHostPort(listen)
	}
	if sshPort == fmt.Sprint(wf.port) {
		return fmt.Errorf("--live-web-port %d is the room's SSH port: give another", wf.port)
	}
	if wf.cert == "" {
		return nil
	}
	pair, err := tls.LoadX509KeyPair(wf.cert, wf.key)
	if err != nil {
		return fmt.Errorf("--tls-cert/--tls-key: %v", err)
	}
	wf.pair = &pair
	return nil
}

// config is the web page's configuration for the room listening on listen
// (host:port): the certificate, and the name the join link uses, the
// certificate's own when it is not for the address itself.
func (wf *liveWebFlags) config(listen string) ui.RoomWeb {
	rw := ui.RoomWeb{On: wf.on, Port: wf.port, Cert: wf.pair}
	if wf.pair != nil {
		host, _, _ := net.SplitHostPort(listen)
		rw.Host = certHost(wf.pair, host)
	}
	return rw
}

// certHost is the host name a join link must use for the certificate to
// be valid: "" when the certificate is for the address ip itself, else its
// first name that is not a wildcard (phones reach the machine by that
// name through the organisation's DNS), else "".
func certHost(pair *tls.Certificate, ip string) string {
	leaf := pair.Leaf
	if leaf == nil && len(pair.Certificate) > 0 {
		leaf, _ = x509.ParseCertificate(pair.Certificate[0])
	}
	if leaf == nil || leaf.VerifyHostname(ip) == nil {
		return ""
	}
	for _, name := range leaf.DNSNames {
		if !strings.HasPrefix(name, "*") {
			return name
		}
	}
	return ""
}
