using KalugaBot.Host.CommandLine;
using KalugaBot.Knowledge.Loading;
using KalugaBot.Knowledge.Store;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Knowledge.Tests.Host;

/// <summary>The host wires the knowledge base: it refuses to start on invalid knowledge and offers validate-knowledge.</summary>
public class KnowledgeHostTests
{
    [Fact]
    public async Task Host_refuses_to_start_on_an_invalid_knowledge_folder()
    {
        using var folder = TempKnowledge.CopyOf(RepoFolders.Knowledge);
        folder.Write("facts/broken.yaml", "topic: x\nfacts:\n  - id: broken-fact\n    title: {en: Broken}\n    values:\n      - {value: 1, as_of: someday, source: 'not a url'}\n");
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Knowledge:Folder"] = folder.Folder });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = FindInner<KnowledgeValidationException>(error);
        Assert.NotNull(validation);
        Assert.Contains(validation.Problems, p => p.File == "facts/broken.yaml" && p.EntryId == "broken-fact" && p.Field == "values[0].source");
        Assert.Contains(validation.Problems, p => p.Field == "values[0].as_of");
        Assert.Contains(validation.Problems, p => p.Field == "title.ru");
    }

    [Fact]
    public async Task Host_starts_on_a_valid_folder_and_exposes_the_store()
    {
        using var folder = TempKnowledge.CopyOf(RepoFolders.Knowledge);
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Knowledge:Folder"] = folder.Folder });

        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<KnowledgeStore>();

        Assert.Equal(Path.GetFullPath(folder.Folder), store.Folder);
        Assert.NotNull(store.Current.Park("vorsino"));
        Assert.NotNull(store.Current.Fact("sez-area"));
    }

    [Fact]
    public async Task Validate_knowledge_command_exits_0_on_valid_and_1_on_invalid()
    {
        using var valid = TempKnowledge.CopyOf(RepoFolders.Knowledge);
        using var invalid = new TempKnowledge().Write("parks/alpha-park.yaml", TempKnowledge.ValidPark.Replace("2023-05-01", "2023-02-31"));
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Knowledge:Folder"] = valid.Folder });
        var command = app.Services.GetServices<IHostCommand>().Single(c => c.Name == "validate-knowledge");
        var console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            Assert.Equal(0, await command.RunAsync(app.Services, [], CancellationToken.None));
            Assert.Equal(1, await command.RunAsync(app.Services, [invalid.Folder], CancellationToken.None));
        }
        finally
        {
            Console.SetOut(console);
        }

        var text = captured.ToString();
        Assert.Contains("OK ", text);
        Assert.Contains("parks/alpha-park.yaml", text);
        Assert.Contains("[alpha-park] total_area_ha[1].as_of", text);
        Assert.Contains("INVALID", text);
    }

    private static T? FindInner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match) return match;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(FindInner<T>).FirstOrDefault(x => x is not null) is { } found) return found;
        }
        return null;
    }
}
