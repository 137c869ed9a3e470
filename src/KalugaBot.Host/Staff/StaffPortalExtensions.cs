using KalugaBot.Host.Staff.Assets;
using KalugaBot.Host.Staff.Audit;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Conversations;
using KalugaBot.Host.Staff.Exports;
using KalugaBot.Host.Staff.Leads;
using KalugaBot.Host.Staff.Search;

namespace KalugaBot.Host.Staff;

/// <summary>The staff portal: sign-in, transcripts, leads, live hand-off, knowledge improvement, dashboard.</summary>
public static class StaffPortalExtensions
{
    public static IServiceCollection AddStaffPortal(this IServiceCollection services)
    {
        // The host builder registers its ConfigurationManager as an instance; the Entra ID scheme is added only when configured.
        var configuration = services.LastOrDefault(d => d.ServiceType == typeof(IConfiguration))?.ImplementationInstance as IConfiguration
            ?? new ConfigurationBuilder().Build();
        services.AddStaffAuth(configuration);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConversationReviews>();
        services.AddSingleton<ConversationMarks>();
        services.AddSingleton<ConversationQuery>();
        services.AddSingleton<IConversationMarkSource, HandedOffMarkSource>();
        services.AddSingleton<IConversationMarkSource, LeadMarkSource>();
        services.AddSingleton<IConversationMarkSource, KnowledgeQueue.UnansweredMarkSource>();
        services.AddSingleton<KnowledgeQueue.QuestionClusters>();
        services.AddSingleton<Dashboard.DashboardStats>();
        services.AddSingleton<TranscriptSearchIndex>();
        services.AddSingleton<TranscriptIndexer>();
        services.AddHostedService<TranscriptIndexService>();
        services.AddSingleton<Privacy.PersonalDataStores>();
        services.AddSingleton<Privacy.PersonalDataEraser>();
        services.AddSingleton<Privacy.TranscriptAnonymiser>();
        services.AddHostedService<Privacy.RetentionService>();
        // Russian, Chinese, … stay readable in the HTML; the encoder still escapes every markup character.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Staff/Pages";
            // Every page needs a signed-in staff member unless it says [AllowAnonymous] (login, denied).
            o.Conventions.AuthorizeFolder("/", StaffPolicies.Viewer);
            o.Conventions.AuthorizeFolder("/Admin", StaffPolicies.Admin);
        });
        services.AddStaffKeyRing();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffPortal(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints is IApplicationBuilder app) app.UseStaffSecurityHeaders();
        endpoints.MapStaffAssets();
        endpoints.MapRazorPages();
        endpoints.MapGet("/staff/login/entra", (string? returnUrl) => Results.Challenge(
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = returnUrl is not null && returnUrl.StartsWith("/staff", StringComparison.Ordinal) ? returnUrl : "/staff" },
            [StaffPrincipal.EntraScheme])).AllowAnonymous().WithMetadata(new StaffPublicEndpoint());
        var api = endpoints.MapGroup("/staff/api").RequireAuthorization(StaffPolicies.Viewer).RequireStaffAntiforgery();
        api.MapGet("/csrf", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        });
        api.MapStaffExports();
        api.MapStaffLeadExports();
        // Links written before the portal existed (Lead.TranscriptPath) point here.
        endpoints.MapGet("/staff/conversations/{id}", (string id) => Results.Redirect("/staff/transcript?id=" + Uri.EscapeDataString(id)))
            .RequireAuthorization(StaffPolicies.Viewer);
        return endpoints;
    }

    /// <summary>Staff pages never run inline or foreign script and are never framed; user content is encoded anyway.</summary>
    private static void UseStaffSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/staff"))
        {
            http.Response.OnStarting(() =>
            {
                var h = http.Response.Headers;
                h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "no-referrer";
                h.CacheControl = h.CacheControl.Count == 0 ? "no-store" : h.CacheControl;
                return Task.CompletedTask;
            });
        }
        await next();
    });
}
