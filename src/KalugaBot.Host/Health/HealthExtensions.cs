namespace KalugaBot.Host.Health;

public static class HealthExtensions
{
    public static IServiceCollection AddHostHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    public static IEndpointRouteBuilder MapHostHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}
