using System.Net.Http.Headers;
using System.Text;
using KalugaBot.Protocol.Schema;
using KalugaBot.Teams.Tests.Loopback;
using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>KalugaBot configured as a registered Azure bot (app id and secret), talking to a loopback Bot Service.</summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public const string AppId = "6f1b2c3d-7a8b-4c5d-9e0f-a1b2c3d4e5f6";
    public const string AppPassword = "loopback-client-secret";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly ITestOutputHelper? _log;
    private readonly bool _ownsService;

    private TeamsHost(LoopbackBotService service, KalugaBotApp app, ITestOutputHelper? log, bool ownsService)
    {
        Service = service;
        App = app;
        Client = app.CreateClient();
        _log = log;
        _ownsService = ownsService;
    }

    public LoopbackBotService Service { get; }
    public KalugaBotApp App { get; }
    public HttpClient Client { get; }
    public string BotId => "28:" + AppId;

    /// <param name="service">Reuse a running loopback service (restart tests); a new one otherwise.</param>
    public static async Task<TeamsHost> StartAsync(ITestOutputHelper? log = null, LoopbackBotService? service = null, string? dataFolder = null,
        IDictionary<string, string?>? settings = null)
    {
        var owns = service is null;
        service ??= await LoopbackBotService.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = AppPassword,
            ["Bot:ChannelOpenIdMetadataUrl"] = service.MetadataUrl,
            ["Bot:ToChannelTokenEndpoint"] = service.TokenEndpoint,
            ["Bot:Connector:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = new KalugaBotApp(all, dataFolder: dataFolder);
        return new TeamsHost(service, app, log, owns);
    }

    /// <summary>Posts an activity as the Bot Connector would: normal delivery, a signed channel token for its serviceUrl.</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity, string? token = null)
    {
        activity.ServiceUrl ??= Service.ServiceUrl;
        var json = ProtocolJson.Serialize(activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? ChannelTokens.Create(Service, AppId, activity.ServiceUrl));
        var before = Service.Requests.Count;
        var response = await Client.SendAsync(request);
        if (_log is not null)
        {
            _log.WriteLine($"> {activity.Type} {activity.Name} {activity.Text ?? activity.Value?.ToJsonString()} → {(int)response.StatusCode}");
            foreach (var sent in Service.Requests.Skip(before))
                _log.WriteLine($"< {sent.Status} {sent.Method} {sent.Target} {sent.Body?.ToJsonString()}");
        }
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (_ownsService) await Service.DisposeAsync();
    }
}
