using KalugaBot.Bot;
using KalugaBot.Bot.Handoff;
using KalugaBot.Bot.Matching;
using KalugaBot.Bot.Questions;
using KalugaBot.Bot.Teams;
using KalugaBot.Host.CommandLine;
using KalugaBot.Host.Handoff;
using KalugaBot.Host.Health;
using KalugaBot.Host.Knowledge;
using KalugaBot.Host.Memory;
using KalugaBot.Host.Staff;
using KalugaBot.Host.Teams;
using KalugaBot.Host.WebChat;
using KalugaBot.Protocol;
using KalugaBot.Protocol.Channels;
using KalugaBot.Protocol.DirectLine;

// Settings are read once at start-up (a later --hostBuilder:reloadConfigOnChange=true wins). Reloading on change makes
// ASP.NET Core watch the whole content root recursively: under `dotnet run` that is node_modules (3,000 directories)
// and the default data folder, so every LiteDB write woke the watcher.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);

builder.Services
    .AddBotProtocol()
    .AddDirectLine()
    .AddConnectorSender()
    .AddBotRuntime()
    .AddKnowledgeBase()
    .AddQuestionAnswering()
    .AddSiteMatching()
    .AddHandoff()
    .AddTeamsSupport()
    .AddTeamsPackage()
    .AddWebChat()
    .AddStaffPortal()
    .AddHostHealth()
    .AddMemoryUpkeep();

var app = builder.Build();

if (await HostCommands.TryRunAsync(app, args) is { } exitCode) return exitCode;

app.UseWebChatCors();
app.MapBotMessages();
app.MapDirectLine();
app.MapWebChat();
app.MapStaffPortal();
app.MapHandoffStaffApi();
app.MapSiteMaps();
app.MapHostHealth();

await app.RunAsync();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
