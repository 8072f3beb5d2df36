// Package e2e drives the practice page of examples/server in a real,
// headless Chromium: the keyboard and mouse paths, a bad query, the page
// without JavaScript, progress kept across a restart, no console errors,
// and axe-core finding no serious or critical accessibility violation. It
// is a module of its own, so that the library's importers never download
// chromedp.
//
//	cd e2e && npm ci && go test ./...
//
// Chromium is /usr/bin/chromium, or $CHROMIUM; without it the tests are
// skipped, unless $CI is set, when they fail. A screenshot of each state
// is written under the test's temporary directory (kept with -keep), and
// -update-screenshot rewrites the one the README shows.
package e2e

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	updateScreenshot = flag.Bool("update-screenshot", false, "rewrite ../docs/practice-page.png, the README's screenshot")
	keep             = flag.Bool("keep", false, "keep the screenshots, and say where they are")
)

// serverBinary is examples/server, built once for all the tests.
var serverBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "qb-e2e-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "server")
	cmd := exec.Command("go", "build", "-o", bin, "./examples/server")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the server: %v\n%s", err, out)
	}
	return bin, nil
})

// sourcePage is a bank of the source page's 14 questions alone. Tests that
// name or count the questions they expect run on it, so that the built-in
// bank can grow without rewriting them.
const sourcePage = "../data/sourcepage.json"

// startServer starts the server on a free port of 127.0.0.1 with the
// given bank ("" for the built-in one) and state file and returns its
// address; it is stopped when the test ends, or by the returned function.
func startServer(t *testing.T, bank, state string) (addr string, stop func()) {
	t.Helper()
	bin, err := serverBinary()
	require.NoError(t, err)
	args := []string{"-addr", "127.0.0.1:0", "-state", state}
	if bank != "" {
		args = append(args, "-bank", bank)
	}
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	stop = func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	}
	t.Cleanup(stop)
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err, "the server's first line")
	_, url, ok := strings.Cut(strings.TrimSpace(line), " on ")
	require.True(t, ok, "the server's first line: %q", line)
	return url, stop
}

// chromium returns the browser to drive, skipping the test without one.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no Chromium at %s; .ci/run installs it", path)
		}
		t.Skipf("no Chromium at %s", path)
	}
	return path
}

// A browser is a headless Chromium tab, with the console errors it saw.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
	shots  string
	n      int
}

func newBrowser(t *testing.T, width int, js bool) *browser {
	t.Helper()
	profile, err := os.MkdirTemp("", "qb-e2e-profile")
	require.NoError(t, err)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancel()
		cancelAlloc()
		os.RemoveAll(profile) // Chromium may still be writing to it; what is left is in a temp dir
	})
	b := &browser{ctx: ctx, shots: t.TempDir()}
	if *keep {
		dir, _ := os.MkdirTemp("", "qb-e2e-shots")
		b.shots = dir
		t.Logf("screenshots in %s", dir)
	}
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				b.errors = append(b.errors, fmt.Sprintf("console %s: %v", ev.Type, ev.Args))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Error())
		}
	})
	if !js {
		// The page without its script: the browser blocks app.js, the only
		// script there is. (Turning scripts off would turn off chromedp's
		// own queries too.)
		require.NoError(t, chromedp.Run(ctx, network.Enable(), network.SetBlockedURLs([]string{"*/static/app.js"})))
	}
	return b
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	require.NoError(t, chromedp.Run(b.ctx, actions...))
}

// shot writes a screenshot of the page as it is, named for the state.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	var png []byte
	b.run(t, chromedp.CaptureScreenshot(&png))
	b.n++
	require.NoError(t, os.WriteFile(filepath.Join(b.shots, fmt.Sprintf("%02d-%s.png", b.n, name)), png, 0o644))
}

func (b *browser) noConsoleErrors(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	assert.Empty(t, b.errors, "console errors")
}

func text(b *browser, t *testing.T, sel string) string {
	t.Helper()
	var s string
	b.run(t, chromedp.Text(sel, &s, chromedp.ByQuery))
	return s
}

func visible(b *browser, t *testing.T, sel string) bool {
	t.Helper()
	var ok bool
	b.run(t, chromedp.Evaluate(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.offsetParent !== null && !e.closest("[hidden]"); })()`, sel), &ok))
	return ok
}

func TestKeyboard(t *testing.T) {
	addr, _ := startServer(t, sourcePage, filepath.Join(t.TempDir(), "progress.json"))
	b := newBrowser(t, 1100, true)
	b.run(t, chromedp.Navigate(addr+"/?q=level:junior"), chromedp.WaitVisible("h2", chromedp.ByQuery))
	assert.Contains(t, text(b, t, ".counts"), "0 due, 2 new")
	assert.False(t, visible(b, t, "#guidance"))
	b.shot(t, "question")

	b.run(t, chromedp.KeyEvent(" "))
	require.True(t, visible(b, t, "#guidance"), "Space shows the guidance")
	for _, h := range []string{"How to answer", "What not to say", "Example answer"} {
		assert.Contains(t, text(b, t, "#guidance"), h)
	}
	assert.Contains(t, text(b, t, "#status"), "Guidance shown")
	b.shot(t, "guidance")

	b.run(t, chromedp.KeyEvent("3"), chromedp.WaitVisible(".undo", chromedp.ByQuery))
	assert.Contains(t, text(b, t, "#status"), "back in 10 minutes")
	assert.Contains(t, text(b, t, ".counts"), "0 due, 1 new")
	b.shot(t, "rated")

	b.run(t, chromedp.KeyEvent("u"), chromedp.WaitVisible(`//div[@id="status"][contains(., "taken back")]`))
	assert.Contains(t, text(b, t, ".counts"), "0 due, 2 new", "u undoes the rating")
	b.noConsoleErrors(t)
}

func TestMouse(t *testing.T) {
	addr, _ := startServer(t, "", filepath.Join(t.TempDir(), "progress.json"))
	b := newBrowser(t, 375, true)
	b.run(t, chromedp.Navigate(addr+"/?q=level:lead"), chromedp.WaitVisible("h2", chromedp.ByQuery))
	b.run(t, chromedp.Click(`//button[normalize-space()="Show guidance"]`))
	require.True(t, visible(b, t, "#guidance"))
	b.shot(t, "phone-guidance")
	b.run(t, chromedp.Click(`//button[normalize-space()="Easy"]`), chromedp.WaitVisible(".undo", chromedp.ByQuery))
	assert.Contains(t, text(b, t, "#status"), "Rated.")
	b.noConsoleErrors(t)
}

// TestLayout checks the page as people see it: the four ratings on one
// row from 600 px (two by two below), and no empty band above the
// question when there is no status to show.
func TestLayout(t *testing.T) {
	addr, _ := startServer(t, sourcePage, filepath.Join(t.TempDir(), "progress.json"))
	for _, tc := range []struct {
		width, rows int
	}{{1100, 1}, {600, 1}, {375, 2}} {
		b := newBrowser(t, tc.width, true)
		b.run(t, chromedp.Navigate(addr+"/?q=level:junior&id=junior-1&show=1"), chromedp.WaitVisible("#guidance", chromedp.ByID))
		var tops []float64
		b.run(t, chromedp.Evaluate(`[...document.querySelectorAll(".rating button")].map(b => b.getBoundingClientRect().top)`, &tops))
		require.Len(t, tops, 4)
		rows := map[float64]bool{}
		for _, top := range tops {
			rows[top] = true
		}
		assert.Len(t, rows, tc.rows, "at %d px, the ratings are on %d row(s)", tc.width, tc.rows)
		var gap float64
		b.run(t, chromedp.Evaluate(`document.querySelector("article").getBoundingClientRect().top - document.querySelector("header").getBoundingClientRect().bottom`, &gap))
		assert.Less(t, gap, 20.0, "at %d px, no empty band above the question", tc.width)
		b.shot(t, fmt.Sprintf("layout-%d", tc.width))
		b.noConsoleErrors(t)
	}
}

func TestBadQuery(t *testing.T) {
	addr, _ := startServer(t, "", filepath.Join(t.TempDir(), "progress.json"))
	b := newBrowser(t, 1100, true)
	b.run(t, chromedp.Navigate(addr+"/"), chromedp.WaitVisible("#q", chromedp.ByID),
		chromedp.SendKeys("#q", "typ:technical\n", chromedp.ByID),
		chromedp.WaitVisible(`[role="alert"]`, chromedp.ByQuery))
	alert := text(b, t, `[role="alert"]`)
	assert.Contains(t, alert, `unknown field "typ"; did you mean "type"?`)
	b.shot(t, "bad-query")
	b.noConsoleErrors(t)
}

func TestWithoutJavaScript(t *testing.T) {
	state := filepath.Join(t.TempDir(), "progress.json")
	addr, stop := startServer(t, sourcePage, state)
	b := newBrowser(t, 1100, false)
	b.run(t, chromedp.Navigate(addr+"/?q=level:senior"), chromedp.WaitVisible("h2", chromedp.ByQuery))
	assert.False(t, visible(b, t, ".timer"), "the timer needs the script")
	b.run(t, chromedp.Click(`//button[normalize-space()="Show guidance"]`), chromedp.WaitVisible("#guidance h3", chromedp.ByQuery))
	b.shot(t, "no-js-guidance")
	b.run(t, chromedp.Click(`//button[normalize-space()="Good"]`), chromedp.WaitVisible(".undo", chromedp.ByQuery))
	assert.Contains(t, text(b, t, "#status"), "back in 10 minutes")
	assert.Contains(t, text(b, t, ".counts"), "0 due, 1 new")

	// Progress survives a restart of the server.
	stop()
	addr, _ = startServer(t, sourcePage, state)
	b.run(t, chromedp.Navigate(addr+"/?q=level:senior"), chromedp.WaitVisible("h2", chromedp.ByQuery))
	assert.Contains(t, text(b, t, ".counts"), "0 due, 1 new")
}

// TestAccessibility runs axe-core on each state of the page, light and
// dark, wide and narrow: no serious or critical violation. It runs on the
// built-in bank, the page as people see it and as the README's screenshot
// shows it, with one of the project's own questions.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("axe-core is not installed: %v (run npm ci in e2e)", err)
		}
		t.Skipf("axe-core is not installed (npm ci): %v", err)
	}
	addr, _ := startServer(t, "", filepath.Join(t.TempDir(), "progress.json"))
	for _, width := range []int{1100, 375} {
		for _, scheme := range []string{"light", "dark"} {
			b := newBrowser(t, width, true)
			b.run(t, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
			for _, page := range []string{"/?q=level:mid", "/?q=level:mid&id=hot-key-cache-stampede&show=1", "/?q=typ:x"} {
				b.run(t, chromedp.Navigate(addr+page), chromedp.WaitReady("body", chromedp.ByQuery))
				var found []string
				b.run(t,
					chromedp.Evaluate(string(axe), nil),
					chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + ": " + v.help + " (" + v.nodes.map(n => n.target.join(" ")).join(", ") + ")"))`, &found,
						func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
				assert.Empty(t, found, "%s, %dpx, %s", page, width, scheme)
			}
			b.shot(t, fmt.Sprintf("%d-%s", width, scheme))
			if *updateScreenshot && width == 1100 && scheme == "light" {
				var png []byte
				b.run(t, chromedp.Navigate(addr+"/?q=level:mid&id=hot-key-cache-stampede&show=1"), chromedp.WaitVisible("h2", chromedp.ByQuery),
					chromedp.EmulateViewport(900, 1000), chromedp.CaptureScreenshot(&png))
				require.NoError(t, os.WriteFile("../docs/practice-page.png", png, 0o644))
			}
			b.noConsoleErrors(t)
		}
	}
}
