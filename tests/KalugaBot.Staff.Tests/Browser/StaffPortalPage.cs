using KalugaBot.Testing.Browser;
using OpenQA.Selenium;

namespace KalugaBot.Staff.Tests.Browser;

/// <summary>The portal as a person uses it: type, click, wait for what the page shows.</summary>
public sealed class StaffPortalPage(BrowserSession browser, Uri baseAddress)
{
    private IWebDriver Driver => browser.Driver;

    public void Open(string path) => browser.Open(new Uri(baseAddress, path));

    public IWebElement Find(string css) => browser.WaitUntil(d => d.FindElement(By.CssSelector(css)), $"element {css}");

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public void Click(string css) => Act(css, "click", element => element.Click());

    public void Type(string css, string text) => Act(css, "type into", element =>
    {
        element.Clear();
        element.SendKeys(text);
    });

    // Finding an element and acting on it are two calls: a page that re-renders in between makes the element stale, or
    // (Chromium) "Node with given id does not belong to the document". Either way the action did not happen; find it again.
    private void Act(string css, string what, Action<IWebElement> action) => browser.WaitUntil(d =>
    {
        try
        {
            action(d.FindElement(By.CssSelector(css)));
            return true;
        }
        catch (WebDriverException ex) when (ex.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            return false;
        }
    }, $"{what} {css}");

    // One script finds the list and sets it, and waits until the page has rendered it.
    public void Select(string css, string value) => browser.WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript(
        "const s = document.querySelector(arguments[0]); if (!s) return false; s.value = arguments[1]; return true;", css, value) is true, $"select {css}");

    public void WaitForPath(string path) => browser.WaitUntil(d => new Uri(d.Url).AbsolutePath == path, $"the browser at {path} (now {Driver.Url})");

    // One script reads the element and its text: finding it and then asking for its text were two calls, and a page
    // that re-rendered in between failed the test ("Node with given id does not belong to the document", CI 2026-11-27).
    public void WaitForText(string css, string text) =>
        browser.WaitUntil(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.querySelector(arguments[0])?.innerText ?? '';", css) is string shown
            && shown.Contains(text, StringComparison.Ordinal), $"'{text}' in {css}");

    public void SignIn(string email, string password)
    {
        Open("/staff");
        WaitForPath("/staff/login");
        Type("#Email", email);
        Type("#Password", password);
        Click("#sign-in");
        WaitForPath("/staff/dashboard");
    }

    /// <summary>Fetches a link the way the browser would download it (same cookies) and returns the bytes.</summary>
    public byte[] Download(string href)
    {
        var base64 = (string?)((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "fetch(arguments[0], { credentials: 'same-origin' }).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))" +
            ".then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })" +
            ".catch(e => done('ERROR ' + e));", href);
        if (base64 is null || base64.StartsWith("ERROR", StringComparison.Ordinal)) throw new InvalidOperationException($"download of {href} failed: {base64}");
        return Convert.FromBase64String(base64);
    }

    public object? Script(string js, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(js, args);
}
