using KalugaBot.Bot.Questions;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.KnowledgeQueue;
using KalugaBot.Knowledge.Editing;
using KalugaBot.Knowledge.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KalugaBot.Host.Staff.Pages.Knowledge;

/// <summary>The draft form's fields; titles for all seven languages are required, as for every fact.</summary>
public sealed class FactForm
{
    public string Id { get; set; } = "";
    public string Topic { get; set; } = "staff";
    public Dictionary<string, string> Titles { get; set; } = [];
    public string Value { get; set; } = "";
    public string? Unit { get; set; }
    public string Source { get; set; } = "";
    public string AsOf { get; set; } = "";
}

public sealed class IndexModel(IUnansweredQuestions questions, QuestionClusters clusters, KnowledgeStore knowledge, KnowledgeEditor editor,
    AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<QuestionCluster> Clusters { get; private set; } = [];
    public IReadOnlyList<(string Id, string Title)> Targets { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool CanEdit { get; private set; }
    [BindProperty] public FactForm Draft { get; set; } = new();

    public string Title(string id) => knowledge.Current.Fact(id)?.Title.Get("en") ?? knowledge.Current.Park(id)?.ToString() ?? id;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAliasAsync(string key, string target, string language, string alias)
    {
        if (!await AdminAsync()) return Forbid();
        var cluster = await FindAsync(key);
        if (cluster is null) return Redirect("/staff/knowledge");
        var result = await editor.AddAliasAsync(target ?? "", language ?? "en", alias ?? "", HttpContext.RequestAborted);
        return await FinishAsync(result, cluster, $"alias for {target}", "knowledge.alias");
    }

    public async Task<IActionResult> OnPostFactAsync(string key)
    {
        if (!await AdminAsync()) return Forbid();
        var cluster = await FindAsync(key);
        if (cluster is null) return Redirect("/staff/knowledge");
        var draft = new FactDraft
        {
            Id = Draft.Id.Trim(), Topic = Draft.Topic.Trim(), Titles = Draft.Titles.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim()),
            Value = Draft.Value, Unit = Draft.Unit, Source = Draft.Source.Trim(), AsOf = Draft.AsOf.Trim(),
            Aliases = new Dictionary<string, IReadOnlyList<string>> { [cluster.Representative.Language] = [cluster.Representative.Text.Trim()] },
        };
        var result = await editor.AddFactAsync(draft, HttpContext.RequestAborted);
        return await FinishAsync(result, cluster, $"new fact {draft.Id}", "knowledge.fact");
    }

    public async Task<IActionResult> OnPostDismissAsync(string key)
    {
        if (!await AdminAsync()) return Forbid();
        if (await FindAsync(key) is { } cluster)
        {
            foreach (var q in cluster.Questions) await questions.ResolveAsync(q.Id, User.Actor(), "dismissed", HttpContext.RequestAborted);
            audit.Record(User.Actor(), "knowledge.dismiss", key);
        }
        return Redirect("/staff/knowledge");
    }

    private async Task<IActionResult> FinishAsync(EditResult result, QuestionCluster cluster, string what, string action)
    {
        if (!result.Succeeded)
        {
            Problems = result.Problems.Select(p => $"{p.File} {p.EntryId} {p.Field}: {p.Message}").ToList();
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        foreach (var q in cluster.Questions) await questions.ResolveAsync(q.Id, User.Actor(), what, HttpContext.RequestAborted);
        audit.Record(User.Actor(), action, what);
        TempData["Flash"] = $"Saved {what}; the knowledge was reloaded and {cluster.Questions.Count} question(s) marked handled.";
        return Redirect("/staff/knowledge");
    }

    private async Task<bool> AdminAsync() => (await authorization.AuthorizeAsync(User, StaffPolicies.Admin)).Succeeded;

    private async Task<QuestionCluster?> FindAsync(string key) =>
        clusters.Group(await questions.ListAsync(false, 500, HttpContext.RequestAborted)).FirstOrDefault(c => c.Key == key);

    private async Task LoadAsync()
    {
        Clusters = clusters.Group(await questions.ListAsync(false, 500, HttpContext.RequestAborted));
        var snapshot = knowledge.Current;
        Targets = snapshot.Facts.Select(f => (f.Id, $"{f.Title.Get("en")} [{f.Id}]"))
            .Concat(snapshot.Parks.Select(p => (p.Id, $"park [{p.Id}]"))).OrderBy(t => t.Item2).ToList();
        CanEdit = await AdminAsync();
    }
}
