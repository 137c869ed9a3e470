using KalugaBot.Protocol.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KalugaBot.Host.Staff.Auth;

/// <summary>The data-protection key ring behind staff cookies and antiforgery tokens.</summary>
public static class StaffKeyRing
{
    public const string FolderName = "keys";

    /// <summary>
    /// Keys live in the data folder ("keys"), beside the database, so staff stay signed in across a restart or a new
    /// container, and two hosts with two data folders never share keys. The framework's default (~/.aspnet) is lost with
    /// a container's home. A fixed application name keeps cookies valid when the host moves to another folder.
    /// </summary>
    public static IServiceCollection AddStaffKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("KalugaBot");
        services.AddOptions<KeyManagementOptions>().Configure<LiteDbContext, ILoggerFactory>((keys, db, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(db.DataFolder, FolderName)), logs));
        services.WithoutKeyRingPrefetch();
        return services;
    }

    /// <summary>
    /// The key ring is read or created on the first staff request instead of at start-up. The chat never protects
    /// anything, and the prefetch loaded the XML and key code into every host: 188 -> 176 MB after start-up (bench
    /// load's host, 2026-11-26).
    /// </summary>
    private static void WithoutKeyRingPrefetch(this IServiceCollection services)
    {
        // Registered by AddDataProtection under an internal type.
        const string prefetch = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == prefetch).ToList())
            services.Remove(descriptor);
    }
}
