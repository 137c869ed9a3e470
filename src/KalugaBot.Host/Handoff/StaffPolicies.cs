using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KalugaBot.Host.Handoff;

/// <summary>The staff authorization policy names (shared with the staff portal) and a fallback definition by role.</summary>
public static class StaffPolicies
{
    public const string Viewer = "StaffViewer";
    public const string Agent = "StaffAgent";
    public const string Admin = "StaffAdmin";

    /// <summary>Defines the policies by role (viewer ⊂ agent ⊂ admin) unless the staff sign-in feature already defined them.</summary>
    public sealed class Fallback : IPostConfigureOptions<AuthorizationOptions>
    {
        public void PostConfigure(string? name, AuthorizationOptions options)
        {
            Add(options, Viewer, "viewer", "agent", "admin");
            Add(options, Agent, "agent", "admin");
            Add(options, Admin, "admin");
        }

        private static void Add(AuthorizationOptions options, string policy, params string[] roles)
        {
            if (options.GetPolicy(policy) is null)
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
    }
}
