using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KalugaBot.Teams.Tests.Loopback;

/// <summary>JWTs shaped like the ones the Bot Connector sends to a bot, signed by the loopback service's key.</summary>
public static class ChannelTokens
{
    public static string Create(LoopbackBotService service, string audience, string serviceUrl, string issuer = "https://api.botframework.com")
    {
        var key = new RsaSecurityKey(service.SigningKey) { KeyId = service.KeyId };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
