namespace KalugaBot.Host.Staff;

/// <summary>The staff portal: sign-in, transcripts, leads, live hand-off, knowledge improvement, dashboard.</summary>
public static class StaffPortalExtensions
{
    public static IServiceCollection AddStaffPortal(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapStaffPortal(this IEndpointRouteBuilder endpoints) => endpoints;
}
