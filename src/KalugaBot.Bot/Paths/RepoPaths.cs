namespace KalugaBot.Bot.Paths;

/// <summary>Finds the repository's data folders (knowledge/, dialogs/) when no explicit path is configured.</summary>
public static class RepoPaths
{
    /// <summary>The nearest folder named <paramref name="name"/> at or above any of the start folders.</summary>
    public static string Find(string name, params string?[] startFolders)
    {
        foreach (var start in startFolders.Where(s => !string.IsNullOrEmpty(s)).Append(AppContext.BaseDirectory).Append(Directory.GetCurrentDirectory()))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No '{name}' folder found above {string.Join(", ", startFolders)}; set its path in configuration.");
    }
}
