using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;

namespace KalugaBot.Host.Staff.Leads;

public static class LeadEndpoints
{
    public static RouteGroupBuilder MapStaffLeadExports(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/leads").RequireAuthorization(StaffPolicies.Agent);
        exports.MapGet("/export.csv", async (LeadStatus? status, HttpContext http, ILeadStore leads, AuditLog audit) =>
        {
            var list = await leads.ListAsync(status, 0, int.MaxValue, http.RequestAborted);
            audit.Record(http.User.Actor(), "lead.export.csv", $"{list.Count} leads");
            return Results.File(LeadExport.Csv(list), "text/csv; charset=utf-8", $"leads-{DateTime.UtcNow:yyyyMMdd}.csv");
        });
        exports.MapGet("/export.xlsx", async (LeadStatus? status, HttpContext http, ILeadStore leads, AuditLog audit) =>
        {
            var list = await leads.ListAsync(status, 0, int.MaxValue, http.RequestAborted);
            audit.Record(http.User.Actor(), "lead.export.xlsx", $"{list.Count} leads");
            return Results.File(LeadExport.Xlsx(list), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"leads-{DateTime.UtcNow:yyyyMMdd}.xlsx");
        });
        return api;
    }
}
