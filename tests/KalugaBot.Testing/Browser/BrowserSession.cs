using System.Runtime.CompilerServices;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace KalugaBot.Testing.Browser;

/// <summary>
/// One headless Chromium with a fresh profile, driven by chromedriver. Dispose it to close the browser and delete the profile.
/// Wrap test steps in <see cref="RunAsync"/> to get a screenshot and the browser console in the output when a step fails.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _profileFolder;
    private readonly string _testName;

    public BrowserSession(ITestOutputHelper output, BrowserSessionOptions? options = null, [CallerMemberName] string testName = "")
    {
        options ??= new BrowserSessionOptions();
        _output = output;
        _testName = testName;
        _profileFolder = Path.Combine(Path.GetTempPath(), "kalugabot-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_profileFolder);

        var chrome = new ChromeOptions { BinaryLocation = BrowserSessionOptions.ChromiumPath };
        chrome.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={_profileFolder}",
            $"--window-size={options.Width},{options.Height}",
            $"--lang={options.Language}");
        // navigator.languages comes from this preference; --lang alone only sets the UI language.
        chrome.AddUserProfilePreference("intl.accept_languages", options.Language);
        chrome.SetLoggingPreference(LogType.Browser, LogLevel.All);

        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(BrowserSessionOptions.ChromeDriverPath)!, Path.GetFileName(BrowserSessionOptions.ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, chrome, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        Timeout = options.Timeout;
        // The window size includes browser chrome even headless; pin the page's viewport itself for faithful screenshots.
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = options.Width, ["height"] = options.Height, ["deviceScaleFactor"] = 1, ["mobile"] = options.Mobile,
        });
    }

    public ChromeDriver Driver { get; }

    /// <summary>How long <see cref="WaitUntil{T}"/> waits by default: generous, the browser shares 2 cores with the build.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Screenshots and failure artefacts: bin/.../browser-artifacts.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "browser-artifacts");

    public void Open(Uri url)
    {
        _output.WriteLine($"[browser] open {url}");
        Driver.Navigate().GoToUrl(url);
    }

    public void Reload()
    {
        _output.WriteLine("[browser] reload");
        Driver.Navigate().Refresh();
    }

    /// <summary>Waits until <paramref name="condition"/> returns a non-null/true value; the message says what was expected.</summary>
    public T WaitUntil<T>(Func<IWebDriver, T> condition, string expectation, TimeSpan? timeout = null)
    {
        var wait = new WebDriverWait(Driver, timeout ?? Timeout) { Message = expectation, PollingInterval = TimeSpan.FromMilliseconds(200) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    /// <summary>Saves a PNG of the viewport and returns its path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var file = Path.Combine(ArtifactsFolder, $"{Sanitize(_testName)}-{Sanitize(name)}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        _output.WriteLine($"[browser] screenshot {file}");
        return file;
    }

    /// <summary>The browser console since the last call (errors, CSP violations, failed requests).</summary>
    public IReadOnlyList<LogEntry> ConsoleLog() => Driver.Manage().Logs.GetLog(LogType.Browser);

    /// <summary>Runs test steps; on failure saves a screenshot and writes the console to the output, then rethrows.</summary>
    public async Task RunAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            try
            {
                Screenshot("failure");
                foreach (var entry in ConsoleLog()) _output.WriteLine($"[console] {entry.Level} {entry.Message}");
            }
            catch (WebDriverException e)
            {
                _output.WriteLine($"[browser] no failure artefacts: {e.Message}");
            }
            throw;
        }
    }

    public void Dispose()
    {
        try { Driver.Quit(); } catch (WebDriverException) { /* the browser is already gone */ }
        Driver.Dispose();
        try { Directory.Delete(_profileFolder, recursive: true); } catch (IOException) { /* Chromium still exiting */ }
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
