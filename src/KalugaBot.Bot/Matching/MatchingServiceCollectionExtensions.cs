using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Routing;
using KalugaBot.Knowledge.Matching.Extraction;
using KalugaBot.Knowledge.Matching.Map;
using KalugaBot.Knowledge.Matching.Scoring;
using KalugaBot.Knowledge.Store;
using KalugaBot.Protocol.Dialogs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>Requirement extraction, site scoring, the matching dialog, cards and the map endpoint (<c>GET /maps/{hash}.png</c>).</summary>
    public static IServiceCollection AddSiteMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section)
            .Validate(o => o.PageSize is >= 1 and <= 10, "Matching:PageSize must be 1..10")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Matching:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        // Language data and map positions live beside the knowledge files (knowledge/matching, knowledge/geo).
        services.AddSingleton(sp => MatchLexicon.Load(Path.Combine(sp.GetRequiredService<KnowledgeStore>().Folder, "matching", "lexicon.yaml")));
        services.AddSingleton(sp => SiteLocations.Load(Path.Combine(sp.GetRequiredService<KnowledgeStore>().Folder, "geo", "sites.yaml")));
        services.AddSingleton<RequirementExtractor>();
        services.AddSingleton<SiteMatcher>();
        services.AddSingleton<MatchingEngine>();
        services.AddSingleton<MatchingWords>();
        services.AddSingleton<AnswerReader>();
        services.AddSingleton<ValueText>();
        services.AddSingleton<SiteExplainer>();
        services.AddSingleton<SiteCards>();
        services.AddHttpContextAccessor();
        services.AddSingleton<MapImages>();
        services.AddSingleton<MatchingPresenter>();
        services.AddSingleton<InvestorRequirements>();
        services.AddSingleton<IConversationReset>(sp => sp.GetRequiredService<InvestorRequirements>());
        // The hand-off registers an empty source with TryAdd; this one carries the investor's requirements into the lead.
        services.AddSingleton<IInvestorProfileSource, MatchingProfileSource>();
        services.AddSingleton<Dialog, MatchingDialog>();
        services.AddSingleton<Dialog>(sp => MatchingDialog.CreatePrompt(sp.GetRequiredService<AnswerReader>()));
        services.AddSingleton<IIntentRoute, SiteRequestRoute>();
        services.AddSingleton<IIntentRoute, MatchingFollowUpRoute>();
        services.AddHostedService<RecognizerWarmUp>();
        return services;
    }
}

/// <summary>Builds the Recognizers.Text models of the usual languages in the background at start-up, so the first investor does not wait for them.</summary>
internal sealed class RecognizerWarmUp(IOptions<MatchingOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => NumberWords.WarmUp([.. options.Value.WarmUpLanguages]), stoppingToken);
}
