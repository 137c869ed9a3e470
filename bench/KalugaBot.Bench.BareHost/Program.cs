using System.Text.Json;
using System.Text.Json.Nodes;

var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.Services.AddHttpClient();
var app = builder.Build();

app.MapGet("/health", () => "ok");
app.MapPost("/api/messages", async (HttpRequest request, IHttpClientFactory clients) =>
{
    using var activity = await JsonDocument.ParseAsync(request.Body);
    var root = activity.RootElement;
    var serviceUrl = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/');
    var conversationId = root.GetProperty("conversation").GetProperty("id").GetString()!;
    var activityId = root.GetProperty("id").GetString()!;
    var reply = new JsonObject
    {
        ["type"] = "message",
        ["text"] = "Hello from the bare host.",
        ["replyToId"] = activityId,
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["from"] = JsonNode.Parse(root.GetProperty("recipient").GetRawText()),
        ["recipient"] = JsonNode.Parse(root.GetProperty("from").GetRawText()),
    };
    using var response = await clients.CreateClient().PostAsJsonAsync(
        $"{serviceUrl}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", reply);
    return Results.Ok();
});

app.Run();
