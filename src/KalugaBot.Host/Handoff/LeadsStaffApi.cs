using System.Security.Claims;
using KalugaBot.Bot.Handoff;
using KalugaBot.Bot.Leads;

namespace KalugaBot.Host.Handoff;

/// <summary>Leads for the staff portal: list/get (viewer), status and notes (agent), erasure of personal data (admin).</summary>
public static class LeadsStaffApi
{
    public const string Prefix = "/api/staff/leads";

    public sealed record StatusRequest(string? Status);
    public sealed record NoteRequest(string? Text);

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).DisableAntiforgery();
        group.MapGet("", ListAsync).RequireAuthorization(StaffPolicies.Viewer);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(StaffPolicies.Viewer);
        group.MapPost("/{id}/status", StatusAsync).RequireAuthorization(StaffPolicies.Agent);
        group.MapPost("/{id}/notes", NoteAsync).RequireAuthorization(StaffPolicies.Agent);
        group.MapDelete("/{id}/personal-data", EraseAsync).RequireAuthorization(StaffPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ILeadStore leads, string? status, int? skip, int? take, CancellationToken cancellationToken)
    {
        LeadStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LeadStatus>(status, ignoreCase: true, out var parsed)) return BadStatus();
            filter = parsed;
        }
        return Results.Ok(await leads.ListAsync(filter, skip ?? 0, take ?? 50, cancellationToken));
    }

    private static async Task<IResult> GetAsync(ILeadStore leads, string id, CancellationToken cancellationToken) =>
        await leads.GetAsync(id, cancellationToken) is { } lead ? Results.Ok(lead) : Results.NotFound();

    private static async Task<IResult> StatusAsync(ILeadStore leads, string id, StatusRequest body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LeadStatus>(body.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status)) return BadStatus();
        return await leads.UpdateStatusAsync(id, status, HandoffStaffApi.AgentId(user), cancellationToken) is { } lead ? Results.Ok(lead) : Results.NotFound();
    }

    private static async Task<IResult> NoteAsync(ILeadStore leads, string id, NoteRequest body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000)
            return Results.Problem(statusCode: 400, title: "Bad note", detail: "text must be 1 to 4000 characters.");
        return await leads.AddNoteAsync(id, body.Text.Trim(), HandoffStaffApi.AgentId(user), cancellationToken) is { } lead ? Results.Ok(lead) : Results.NotFound();
    }

    private static async Task<IResult> EraseAsync(LeadErasure erasure, string id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await erasure.EraseAsync(id, HandoffStaffApi.AgentId(user), cancellationToken) is { } lead ? Results.Ok(lead) : Results.NotFound();

    private static IResult BadStatus() =>
        Results.Problem(statusCode: 400, title: "Unknown status", detail: "status is one of: " + string.Join(", ", Enum.GetNames<LeadStatus>()));
}
