package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCert writes a self-signed certificate for names and ips, and its
// key, as PEM files.
func writeCert(t *testing.T, names []string, ips []string) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "room"},
		DNSNames: names, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	for _, ip := range ips {
		tmpl.IPAddresses = append(tmpl.IPAddresses, net.ParseIP(ip))
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kd, _ := x509.MarshalECPrivateKey(k)
	dir := t.TempDir()
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	_ = os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	_ = os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kd}), 0o600)
	return cert, key
}

func parseWebFlags(t *testing.T, args ...string) *liveWebFlags {
	t.Helper()
	fs := flag.NewFlagSet("present", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var wf liveWebFlags
	wf.register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return &wf
}

// TestLiveWebFlags: what the web page's flags accept and refuse.
func TestLiveWebFlags(t *testing.T) {
	cert, key := writeCert(t, []string{"*.trust.nhs.uk", "room.trust.nhs.uk"}, nil)
	for _, c := range []struct {
		args   []string
		listen string
		bad    string // part of the error, "" for none
	}{
		{nil, "", ""},
		{[]string{"--live-web"}, "", ""},
		{[]string{"--live-web", "--live-web-port", "0"}, "", "give a port"},
		{[]string{"--live-web", "--live-web-port", "2222"}, "", "SSH port"},
		{[]string{"--live-web", "--live-web-port", "2300"}, "10.0.0.2:2300", "SSH port"},
		{[]string{"--live-web", "--tls-cert", cert}, "", "both"},
		{[]string{"--tls-cert", cert, "--tls-key", key}, "", "add --live-web"},
		{[]string{"--live-web", "--tls-cert", cert, "--tls-key", cert}, "", "--tls-cert/--tls-key"},
		{[]string{"--live-web", "--tls-cert", cert, "--tls-key", key}, "", ""},
	} {
		err := parseWebFlags(t, c.args...).check(c.listen)
		if (c.bad == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.bad)) {
			t.Errorf("%v: %v, want %q", c.args, err, c.bad)
		}
	}
}

// TestLiveWebConfig: the certificate is loaded, and the join link uses
// the certificate's name unless it is for the address itself.
func TestLiveWebConfig(t *testing.T) {
	off := parseWebFlags(t)
	if rw := off.config("10.0.0.2:2222"); rw.On {
		t.Fatal("the web page is on without --live-web")
	}
	plain := parseWebFlags(t, "--live-web")
	if err := plain.check(""); err != nil {
		t.Fatal(err)
	}
	if rw := plain.config("10.0.0.2:2222"); !rw.On || rw.Port != DefaultLiveWebPort || rw.Cert != nil || rw.Host != "" {
		t.Fatalf("%+v", rw)
	}
	for _, c := range []struct {
		names, ips []string
		host       string
	}{
		{[]string{"*.trust.nhs.uk", "room.trust.nhs.uk"}, nil, "room.trust.nhs.uk"},
		{[]string{"room.trust.nhs.uk"}, []string{"10.0.0.2"}, ""},
		{[]string{"*.trust.nhs.uk"}, nil, ""},
	} {
		cert, key := writeCert(t, c.names, c.ips)
		wf := parseWebFlags(t, "--live-web", "--live-web-port", "8443", "--tls-cert", cert, "--tls-key", key)
		if err := wf.check(""); err != nil {
			t.Fatal(err)
		}
		rw := wf.config("10.0.0.2:2222")
		if rw.Cert == nil || rw.Port != 8443 || rw.Host != c.host {
			t.Errorf("%v %v: host %q, want %q", c.names, c.ips, rw.Host, c.host)
		}
	}
}
