using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.DirectLine;

/// <summary>Direct Line 3.0 served by the host itself, so Web Chat talks to the bot on the same origin.</summary>
public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints) => endpoints;
}
