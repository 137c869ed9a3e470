using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Handoff.Live;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Outbox;
using KalugaBot.Bot.Routing;
using KalugaBot.Protocol.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KalugaBot.Bot.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Contact capture, leads, staff notification outbox and live hand-off to agency staff.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConsentOptions>().BindConfiguration(ConsentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || Uri.TryCreate(o.Url, UriKind.Absolute, out _), "Notifications:Webhook:Url must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsNotificationOptions>().BindConfiguration(TeamsNotificationOptions.Section);

        // Leads
        services.TryAddSingleton<ILeadStore, LiteDbLeadStore>();
        services.AddSingleton<LeadErasure>();

        // Outbox and its transports
        services.AddHttpClient(WebhookTransport.HttpClientName);
        services.AddSingleton<LiteDbOutbox>();
        services.AddSingleton<NotificationTargets>();
        services.AddSingleton<StaffNotificationText>();
        services.AddSingleton<StaffNotifier>();
        services.AddSingleton<IOutboxTransport, WebhookTransport>();
        services.AddSingleton<IOutboxTransport, SmtpTransport>();
        services.AddSingleton<IOutboxTransport, TeamsTransport>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxProcessor>());

        // Contact dialog
        services.TryAddSingleton<IInvestorProfileSource, NoInvestorProfile>();
        services.AddSingleton<CallTimeParser>();
        services.AddSingleton<ContactWords>();
        services.AddSingleton<ContactPrompts>();
        services.AddSingleton<LeadCapture>();
        services.AddSingleton<ContactDialog>();
        services.AddSingleton<Dialog>(sp => sp.GetRequiredService<ContactDialog>());
        foreach (var id in new[] { ContactPrompts.YesNo, ContactPrompts.Text, ContactPrompts.Email, ContactPrompts.Phone, ContactPrompts.CallTime, ContactPrompts.TimeZone })
            services.AddSingleton<Dialog>(sp => sp.GetRequiredService<ContactPrompts>().Dialogs.Single(d => d.Id == id));
        services.AddSingleton<IIntentRoute, ContactRoute>();
        services.AddSingleton<ITurnInterceptor, ContactLanguagePin>();

        // Live hand-off
        services.AddSingleton<HandoffStore>();
        services.AddSingleton<InvestorMessenger>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<ITurnInterceptor, HandoffInterceptor>();
        services.AddSingleton<IIntentRoute, HandoffRoute>();
        services.AddHostedService<HandoffTimeoutService>();
        return services;
    }
}
