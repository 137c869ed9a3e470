using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Protocol.Tests;

/// <summary>Activity JSON on the wire (digest §1.1, §7.1 "Schema"): exact names, omissions, unknown fields, timestamps.</summary>
public sealed class SerializationTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "teams message with mention", """
          {"text":"<at>KalugaBot</at> help\r\n","textFormat":"plain","type":"message","timestamp":"2025-01-15T10:21:07.123Z","localTimestamp":"2025-01-15T11:21:07+01:00","id":"1736936467123","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:1abc","name":"Alice","aadObjectId":"6b7c"},"conversation":{"conversationType":"personal","tenantId":"tid-1","id":"a:1xyz"},"recipient":{"id":"28:app-id","name":"KalugaBot"},"entities":[{"mentioned":{"id":"28:app-id","name":"KalugaBot"},"text":"<at>KalugaBot</at>","type":"mention"},{"locale":"en-US","country":"US","platform":"Web","timezone":"Europe/Berlin","type":"clientInfo"}],"channelData":{"tenant":{"id":"tid-1"},"legacy":{"replyToId":"x"}},"locale":"en-US","localTimezone":"Europe/Berlin"}
          """ },
        { "teams install", """
          {"membersAdded":[{"id":"28:app-id"}],"type":"conversationUpdate","timestamp":"2025-01-15T10:21:07Z","id":"f:1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:1abc","aadObjectId":"6b7c"},"conversation":{"isGroup":true,"conversationType":"channel","tenantId":"tid-1","id":"19:abc@thread.tacv2"},"recipient":{"id":"28:app-id","name":"KalugaBot"},"channelData":{"team":{"aadGroupId":"g1","name":"Invest","id":"19:abc@thread.tacv2"},"eventType":"teamMemberAdded","tenant":{"id":"tid-1"}}}
          """ },
        { "reaction", """
          {"reactionsAdded":[{"type":"like"}],"type":"messageReaction","timestamp":"2025-01-15T10:21:07.5Z","id":"r1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:1abc"},"conversation":{"id":"a:1xyz"},"recipient":{"id":"28:app-id"},"replyToId":"1736936467123"}
          """ },
        { "adaptive card invoke", """
          {"name":"adaptiveCard/action","type":"invoke","timestamp":"2025-01-15T10:21:07.1234567Z","id":"i1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","from":{"id":"29:1abc"},"conversation":{"id":"a:1xyz"},"recipient":{"id":"28:app-id"},"value":{"action":{"type":"Action.Execute","id":"btn1","verb":"approve","data":{"comment":"ok"}},"trigger":"manual"},"@type":"unknown-extra"}
          """ },
        { "emulator transcript entry", """
          {"type":"message","id":"3d4b","timestamp":"2019-05-02T21:47:31.556Z","localTimestamp":"2019-05-02T14:47:31-07:00","channelId":"emulator","conversation":{"id":"c1|livechat"},"from":{"id":"u1","name":"User","role":"user"},"recipient":{"id":"b1","name":"Bot","role":"bot"},"serviceUrl":"http://localhost:52814","locale":"en-US","text":"hi","inputHint":"acceptingInput","replyToId":"a1","channelData":{"clientActivityID":"15568341xyz"}}
          """ },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixtures_round_trip_unchanged(string name, string json)
    {
        var activity = ProtocolJson.Deserialize<Activity>(json)!;
        var written = ProtocolJson.Serialize(activity);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{name}:\n{json}\n{written}");
    }

    [Fact]
    public void Nulls_empty_arrays_and_empty_strings_are_omitted_and_names_are_camelCase()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = "", Attachments = [], Entities = [], Name = "", InputHint = InputHints.AcceptingInput,
            ReplyToId = "x", Timestamp = new DateTimeOffset(2025, 1, 15, 11, 0, 0, TimeSpan.FromHours(1)),
            LocalTimestamp = new DateTimeOffset(2025, 1, 15, 11, 0, 0, TimeSpan.FromHours(1)),
        };
        var json = JsonNode.Parse(ProtocolJson.Serialize(activity))!.AsObject();

        Assert.Equal(["type", "timestamp", "localTimestamp", "text", "inputHint", "replyToId"], json.Select(p => p.Key).OrderBy(k => Array.IndexOf(["type", "timestamp", "localTimestamp", "text", "inputHint", "replyToId"], k)));
        Assert.Equal("", (string)json["text"]!); // text may be empty
        Assert.Equal("2025-01-15T10:00:00Z", (string)json["timestamp"]!);
        Assert.EndsWith("+01:00", (string)json["localTimestamp"]!);
        Assert.Equal("acceptingInput", (string)json["inputHint"]!);
    }

    [Fact]
    public async Task Unknown_fields_survive_the_pipeline_into_the_transcript_and_with_a_Z_timestamp()
    {
        await using var app = new KalugaBotApp();
        var json = """
            {"type":"message","id":"m1","channelId":"test","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u1","futureAccountField":7},
             "conversation":{"id":"conv-ser-1"},"recipient":{"id":"bot"},"text":"hello","deliveryMode":"expectReplies",
             "futureField":{"nested":[1,2]},"entities":[{"type":"geo","latitude":54.5}],"channelData":{"anything":true}}
            """;
        using var response = await ChannelRequests.PostRawAsync(app.CreateClient(), json);
        response.EnsureSuccessStatusCode();
        var raw = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("null", raw);
        Assert.DoesNotContain("[]", raw);
        var stored = (await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync("conv-ser-1")).First(a => a.Id == "m1");
        var storedJson = JsonNode.Parse(ProtocolJson.Serialize(stored))!;
        Assert.Equal(2, (int)storedJson["futureField"]!["nested"]![1]!);
        Assert.Equal(7, (int)storedJson["from"]!["futureAccountField"]!);
        Assert.Equal(54.5, (double)storedJson["entities"]![0]!["latitude"]!);
        Assert.True((bool)storedJson["channelData"]!["anything"]!);
        Assert.EndsWith("Z", (string)storedJson["timestamp"]!);
    }
}
