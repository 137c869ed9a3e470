using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Protocol.Transcripts;

namespace KalugaBot.Host.Staff.Exports;

public static class ExportEndpoints
{
    public static RouteGroupBuilder MapStaffExports(this RouteGroupBuilder api)
    {
        api.MapGet("/conversations/export", async (string? id, HttpContext http, ITranscriptStore transcripts, ConversationQuery conversations, AuditLog audit) =>
        {
            if (string.IsNullOrWhiteSpace(id) || conversations.Find(id) is null) return Results.NotFound();
            var activities = await transcripts.GetAllActivitiesAsync(id, http.RequestAborted);
            audit.Record(http.User.Actor(), "transcript.export", id);
            return Results.File(TranscriptExport.Write(activities, id), "application/json", TranscriptExport.FileName(id));
        });
        return api;
    }
}
