using System.Text.Json.Nodes;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Questions;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Browser;

/// <summary>A portal on a real port with a private copy of the knowledge folder, seeded through the real bot.</summary>
public sealed class PortalFixture : IAsyncDisposable
{
    public const string Password = "a long staff passphrase";
    public const string XssScript = "<script>window.__xss = 1</script>";

    private PortalFixture(KestrelKalugaBotApp app, string knowledge) { App = app; KnowledgeFolder = knowledge; }

    public KestrelKalugaBotApp App { get; }
    public string KnowledgeFolder { get; }
    public string Russian { get; private set; } = "";
    public string German { get; private set; } = "";
    public string Hostile { get; private set; } = "";
    public string LeadId { get; private set; } = "";
    public string AdminEmail => "admin@agency.test";
    public string ViewerEmail => "viewer@agency.test";

    public static async Task<PortalFixture> StartAsync(ITestOutputHelper output)
    {
        var knowledge = CopyKnowledge();
        var app = KestrelKalugaBotApp.Start(new Dictionary<string, string?> { ["Knowledge:Folder"] = knowledge });
        var fixture = new PortalFixture(app, knowledge);
        await fixture.SeedAsync(output);
        return fixture;
    }

    private async Task SeedAsync(ITestOutputHelper output)
    {
        var users = App.Services.GetRequiredService<StaffUserStore>();
        users.CreateOrUpdate(AdminEmail, Password, StaffRoles.Admin);
        users.CreateOrUpdate(ViewerEmail, Password, StaffRoles.Viewer);

        var ru = new BotClient(App.CreateKestrelClient(), "ru-RU", log: output);
        await ru.SayAsync("Какие налоговые льготы для инвесторов в Калуге?");
        Russian = ru.ConversationId;
        var de = new BotClient(App.CreateKestrelClient(), "de-DE", log: output);
        await de.SayAsync("Gibt es freie Grundstücke im Industriepark?");
        German = de.ConversationId;
        var hostile = new BotClient(App.CreateKestrelClient(), "en-US", log: output);
        await hostile.SayAsync(XssScript + " <img src=x onerror=\"window.__xss = 2\"> <a href=\"javascript:window.__xss = 3\">click</a>");
        Hostile = hostile.ConversationId;
        // A bot message with card markup and a javascript: action, as a compromised card source could produce.
        await App.Services.GetRequiredService<ITranscriptLogger>().LogActivitiesAsync([new Activity
        {
            Type = ActivityTypes.Message, Id = "card-1", Timestamp = DateTimeOffset.UtcNow, ChannelId = "test", Conversation = new ConversationAccount(Hostile),
            From = new ChannelAccount("bot", "KalugaBot", RoleTypes.Bot), Recipient = new ChannelAccount(hostile.UserId, null, RoleTypes.User),
            Attachments = [new Attachment
            {
                ContentType = "application/vnd.microsoft.card.adaptive",
                Content = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"<b onmouseover=\"window.__xss=4\">bold</b><script>window.__xss=5</script>"},{"type":"Image","url":"javascript:window.__xss=6"}],"actions":[{"type":"Action.OpenUrl","title":"Open <i>me</i>","url":"javascript:window.__xss=7"}]}"""),
            }],
        }]);

        await App.Services.GetRequiredService<IUnansweredQuestions>().RecordAsync(new UnansweredQuestion
        {
            Text = "Wie viele Drachen leben in Kaluga?", Language = "de", ConversationId = German, ChannelId = "test", Reason = UnansweredReasons.LowConfidence,
        });
        var (lead, _) = await App.Services.GetRequiredService<ILeadStore>().AddAsync(new Lead
        {
            Id = Guid.NewGuid().ToString("N"), IdempotencyKey = "browser-test", CreatedUtc = DateTime.UtcNow, ConversationId = German, Country = "Germany",
            RecommendedSites = ["vorsino"], Contact = new LeadContact { Name = "Klara Beispiel", Company = "Beispiel AG", Email = "klara@example.de" },
        });
        LeadId = lead.Id;
    }

    private static string CopyKnowledge()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "knowledge", "lexicon.yaml"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("The repository's knowledge folder was not found.");
        var source = Path.Combine(dir.FullName, "knowledge");
        var target = Path.Combine(Path.GetTempPath(), "kalugabot-tests", "knowledge-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(KnowledgeFolder, recursive: true); } catch (IOException) { }
    }
}
