using System.Security.Claims;
using KalugaBot.Bot.Handoff;
using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;

namespace KalugaBot.Host.Handoff;

/// <summary>Leads for the staff portal: list/get (viewer), status and notes (agent), erasure of personal data (admin).</summary>
public static class LeadsStaffApi
{
    public const string Prefix = "/staff/api/leads";
    // Lead ids only ("L" + 12 hex digits): the portal's /staff/api/leads/export.csv must not be taken for an id.
    private const string Id = "/{id:regex(^L[0-9a-f]{{12}}$)}";

    public sealed record StatusRequest(string? Status);
    public sealed record NoteRequest(string? Text);

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).RequireStaffAntiforgery();
        group.MapGet("", ListAsync).RequireAuthorization(StaffPolicies.Viewer);
        group.MapGet(Id, GetAsync).RequireAuthorization(StaffPolicies.Viewer);
        group.MapPost(Id + "/status", StatusAsync).RequireAuthorization(StaffPolicies.Agent);
        group.MapPost(Id + "/notes", NoteAsync).RequireAuthorization(StaffPolicies.Agent);
        group.MapDelete(Id + "/personal-data", EraseAsync).RequireAuthorization(StaffPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ILeadStore leads, AuditLog audit, ClaimsPrincipal user, string? status, int? skip, int? take, CancellationToken cancellationToken)
    {
        LeadStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LeadStatus>(status, ignoreCase: true, out var parsed)) return BadStatus();
            filter = parsed;
        }
        var page = await leads.ListAsync(filter, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), cancellationToken);
        audit.Record(user.Actor(), "lead.list", $"{page.Count} leads");
        return StaffJson.Ok(page);
    }

    private static async Task<IResult> GetAsync(ILeadStore leads, AuditLog audit, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        if (await leads.GetAsync(id, cancellationToken) is not { } lead) return Results.NotFound();
        audit.Record(user.Actor(), "lead.view", id);
        return StaffJson.Ok(lead);
    }

    private static async Task<IResult> StatusAsync(ILeadStore leads, string id, StatusRequest body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LeadStatus>(body.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status)) return BadStatus();
        return await leads.UpdateStatusAsync(id, status, HandoffStaffApi.AgentId(user), cancellationToken) is { } lead ? StaffJson.Ok(lead) : Results.NotFound();
    }

    private static async Task<IResult> NoteAsync(ILeadStore leads, string id, NoteRequest body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000)
            return Results.Problem(statusCode: 400, title: "Bad note", detail: "text must be 1 to 4000 characters.");
        return await leads.AddNoteAsync(id, body.Text.Trim(), HandoffStaffApi.AgentId(user), cancellationToken) is { } lead ? StaffJson.Ok(lead) : Results.NotFound();
    }

    private static async Task<IResult> EraseAsync(LeadErasure erasure, AuditLog audit, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await erasure.EraseAsync(id, HandoffStaffApi.AgentId(user), cancellationToken) is not { } lead) return Results.NotFound();
        audit.Record(user.Actor(), "lead.erase", id);
        return StaffJson.Ok(lead);
    }

    private static IResult BadStatus() =>
        Results.Problem(statusCode: 400, title: "Unknown status", detail: "status is one of: " + string.Join(", ", Enum.GetNames<LeadStatus>()));
}
