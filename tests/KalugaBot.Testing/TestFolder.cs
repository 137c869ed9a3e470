namespace KalugaBot.Testing;

/// <summary>A throw-away data folder that outlives the apps a test starts on it (restart tests):
/// <c>using var folder = new TestFolder();</c> then <c>new KalugaBotApp(dataFolder: folder.Path)</c>.</summary>
public sealed class TestFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Delete(Path);

    /// <summary>Best effort: a file still open on a slow shutdown leaves the folder for the temp cleaner.</summary>
    public static void Delete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
