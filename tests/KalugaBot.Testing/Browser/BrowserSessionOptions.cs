namespace KalugaBot.Testing.Browser;

/// <summary>Window size, browser language and where Chromium lives (override with CHROMIUM_PATH / CHROMEDRIVER_PATH).</summary>
public sealed record BrowserSessionOptions
{
    public int Width { get; init; } = 1280;
    public int Height { get; init; } = 800;

    /// <summary>Emulate a phone (touch viewport rules), for the narrow layout.</summary>
    public bool Mobile { get; init; }

    public static BrowserSessionOptions Phone => new() { Width = 390, Height = 844, Mobile = true };

    /// <summary>The browser's language list, e.g. "ru-RU,ru" (navigator.languages).</summary>
    public string Language { get; init; } = "en-US,en";

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    public static string ChromeDriverPath => Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";
}
