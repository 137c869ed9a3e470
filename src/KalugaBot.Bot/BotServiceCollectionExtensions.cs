using KalugaBot.Bot.Conversation;
using KalugaBot.Bot.Errors;
using KalugaBot.Bot.General;
using KalugaBot.Bot.Language;
using KalugaBot.Bot.Paths;
using KalugaBot.Bot.Routing;
using KalugaBot.Bot.Templates;
using KalugaBot.Protocol.Builder;
using KalugaBot.Protocol.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KalugaBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The bot runtime: templates, language, middleware (transcripts, locale, error boundary), routing and the general commands.</summary>
    public static IServiceCollection AddBotRuntime(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section);
        services.AddSingleton<ITemplates>(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<TemplateOptions>>().Value.Folder;
            var env = sp.GetService<IHostEnvironment>();
            return TemplateCatalog.LoadFolder(string.IsNullOrWhiteSpace(folder) ? RepoPaths.Find("dialogs", env?.ContentRootPath) : folder);
        });
        services.AddSingleton<Replies>();
        services.AddSingleton<IntentWords>();
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton<ConversationAccessors>();
        services.AddSingleton<Welcome>();
        services.AddSingleton<DialogRouter>();

        // Middleware order: transcripts see everything, including the error boundary's apology.
        services.AddSingleton<IMiddleware, TranscriptLoggerMiddleware>();
        services.AddSingleton<IMiddleware, LocaleMiddleware>();
        services.AddSingleton<IMiddleware, TurnErrorMiddleware>();

        services.AddSingleton<IIntentRoute, CommandsRoute>();
        services.AddSingleton<IIntentRoute, GreetingRoute>();
        services.AddSingleton<IFallbackRoute, NotUnderstoodFallback>();
        services.AddSingleton<InvestorBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<InvestorBot>());
        return services;
    }
}
