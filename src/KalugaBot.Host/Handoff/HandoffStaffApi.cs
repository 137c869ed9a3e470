using System.Security.Claims;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Bot.Outbox;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Host.Handoff;

/// <summary>Staff side of the live hand-off (agent role): waiting list, accept (409 when taken), messages both ways, complete.</summary>
public static class HandoffStaffApi
{
    public const string Prefix = "/api/staff/handoff";

    public static IEndpointRouteBuilder MapHandoffStaffApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).RequireAuthorization(StaffPolicies.Agent).DisableAntiforgery();
        group.MapGet("/conversations", List);
        group.MapGet("/conversations/{id}", Get);
        group.MapPost("/conversations/{id}/accept", AcceptAsync);
        group.MapPost("/conversations/{id}/messages", SendAsync);
        group.MapGet("/conversations/{id}/messages", Messages);
        group.MapPost("/conversations/{id}/complete", CompleteAsync);
        endpoints.MapPut(Prefix + "/notification-targets/teams", SetTeamsTarget).RequireAuthorization(StaffPolicies.Admin).DisableAntiforgery();
        endpoints.MapLeadsApi();
        return endpoints;
    }

    public sealed record ConversationView(string ConversationId, string State, string ChannelId, string Language, string? LeadId,
        DateTime? RequestedUtc, string? AgentName, DateTime? AcceptedUtc, string TranscriptPath);

    public sealed record MessageRequest(string? Text);

    private static ConversationView View(HandoffRecord r) => new(r.Id, r.State.ToString(), r.ChannelId, r.Language, r.LeadId,
        r.RequestedUtc, r.AgentName, r.AcceptedUtc, KalugaBot.Bot.Leads.Lead.TranscriptPathFor(r.Id));

    private static IResult List(HandoffService handoff, string? state)
    {
        var records = state?.ToLowerInvariant() switch
        {
            null or "" or "waiting" => handoff.Waiting(),
            "active" => handoff.Active(),
            "all" => [.. handoff.Waiting(), .. handoff.Active()],
            _ => null,
        };
        return records is null
            ? Results.Problem(statusCode: 400, title: "Unknown state", detail: "state is waiting, active or all.")
            : Results.Ok(records.Select(View));
    }

    private static IResult Get(HandoffService handoff, string id) =>
        handoff.Get(id) is { } record ? Results.Ok(View(record)) : Results.NotFound();

    private static async Task<IResult> AcceptAsync(HandoffService handoff, string id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await handoff.AcceptAsync(id, AgentId(user), AgentName(user), cancellationToken) switch
        {
            HandoffStore.Outcome.Changed => Results.Ok(View(handoff.Get(id)!)),
            HandoffStore.Outcome.NotFound => Results.NotFound(),
            _ => Results.Problem(statusCode: 409, title: "Not waiting", detail: "Another agent accepted this conversation, or it is not waiting for an agent."),
        };

    private static async Task<IResult> SendAsync(HandoffService handoff, string id, MessageRequest body, ClaimsPrincipal user, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000)
            return Results.Problem(statusCode: 400, title: "Bad message", detail: "text must be 1 to 4000 characters.");
        try
        {
            var (outcome, message) = await handoff.SendFromAgentAsync(id, AgentId(user), body.Text.Trim(), cancellationToken);
            return outcome switch
            {
                HandoffStore.Outcome.Changed => Results.Ok(message),
                HandoffStore.Outcome.NotFound => Results.NotFound(),
                _ => Results.Problem(statusCode: 409, title: "Not your conversation", detail: "Accept the conversation first; only the accepting agent can write."),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            logs.CreateLogger(typeof(HandoffStaffApi)).LogWarning(ex, "Staff message could not be delivered to conversation {ConversationId}", id);
            return Results.Problem(statusCode: 502, title: "Channel unreachable", detail: "The investor's channel did not accept the message; try again.");
        }
    }

    private static IResult Messages(HandoffService handoff, string id, long? after)
    {
        if (handoff.Get(id) is null) return Results.NotFound();
        var messages = handoff.MessagesAfter(id, after ?? 0);
        return Results.Ok(new { messages, cursor = messages.Count > 0 ? messages[^1].Sequence : after ?? 0 });
    }

    private static async Task<IResult> CompleteAsync(HandoffService handoff, string id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await handoff.CompleteAsync(id, AgentId(user), cancellationToken) switch
        {
            HandoffStore.Outcome.Changed => Results.Ok(View(handoff.Get(id)!)),
            HandoffStore.Outcome.NotFound => Results.NotFound(),
            _ => Results.Problem(statusCode: 409, title: "Not your conversation", detail: "Only the agent talking to the investor can hand the conversation back."),
        };

    private static IResult SetTeamsTarget(NotificationTargets targets, ConversationReference reference)
    {
        if (string.IsNullOrEmpty(reference.ChannelId) || string.IsNullOrEmpty(reference.Conversation?.Id) || string.IsNullOrEmpty(reference.ServiceUrl))
            return Results.Problem(statusCode: 400, title: "Incomplete reference", detail: "channelId, conversation.id and serviceUrl are required.");
        targets.Set(NotificationTargets.Teams, reference);
        return Results.NoContent();
    }

    public static string AgentId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";

    public static string AgentName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? AgentId(user);
}
