namespace KalugaBot.Knowledge.Tests;

/// <summary>Finds the repository's knowledge/ folder and the shared dossier by walking up from the test binaries.</summary>
public static class RepoFolders
{
    public static string Knowledge => Find("knowledge", d => File.Exists(Path.Combine(d, "lexicon.yaml")));

    public static string Dossier => Find(Path.Combine("shared", "kaluga-dossier"), d => File.Exists(Path.Combine(d, "parks.yaml")));

    public static string Seeds => Path.Combine(Path.GetDirectoryName(Dossier)!, "seeds");

    private static string Find(string name, Func<string, bool> accept)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && accept(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No '{name}' folder above {AppContext.BaseDirectory}.");
    }
}
