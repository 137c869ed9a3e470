using KalugaBot.Bot.Paths;
using KalugaBot.Knowledge.Store;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Knowledge;

/// <summary>The knowledge folder in use: <c>Knowledge:Folder</c>, else the repository's <c>knowledge/</c> above the content root.</summary>
public sealed class KnowledgeFolder(IOptions<KnowledgeOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = string.IsNullOrWhiteSpace(options.Value.Folder)
        ? RepoPaths.Find("knowledge", environment.ContentRootPath)
        : System.IO.Path.GetFullPath(options.Value.Folder);
}
