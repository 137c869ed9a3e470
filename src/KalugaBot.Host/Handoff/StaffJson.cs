using System.Text.Json;
using System.Text.Json.Serialization;

namespace KalugaBot.Host.Handoff;

/// <summary>JSON of the staff API: web defaults, enums as names ("New", "AgentActive") for readable screens and scripts.</summary>
public static class StaffJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);
}
