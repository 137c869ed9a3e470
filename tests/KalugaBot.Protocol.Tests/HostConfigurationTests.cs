using KalugaBot.Host.Memory;
using KalugaBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using KalugaBot.Protocol.Storage;
using System.Net;

namespace KalugaBot.Protocol.Tests;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task Settings_files_are_read_once_so_the_content_root_is_not_watched()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient(); // starts the host
        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} reloads on change"));
    }

    [Fact]
    public async Task Health_turns_unhealthy_when_LiteDB_refuses_reads()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient();
        using (var healthy = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        app.Services.GetRequiredService<LiteDbContext>().Database.Dispose(); // as LiteDB does after an internal error

        using var broken = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }

    [Fact]
    public async Task Health_is_degraded_when_the_log_is_no_longer_folded()
    {
        // The folding service left out, as if every fold failed; the log may reach 1 MB before it counts as grown.
        await using var app = new KalugaBotApp(
            new Dictionary<string, string?> { ["Storage:CheckpointIdleLogMegabytes"] = "1", ["Storage:CheckpointMaxLogMegabytes"] = "1" },
            services => services.Remove(services.Single(d => d.ImplementationType == typeof(LiteDbLogCheckpoints))));
        using var client = app.CreateClient();
        using (var healthy = await client.GetAsync("/health")) Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        var db = app.Services.GetRequiredService<LiteDbContext>();
        var rows = db.Collection<LiteDB.BsonDocument>("filler");
        for (var i = 0; db.LogFileBytes <= 2 * 1048576 && i < 10_000; i++)
            db.Writes.Run(_ => rows.Insert(new LiteDB.BsonDocument { ["_id"] = i, ["text"] = new string('x', 4000) }));

        using var degraded = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode); // still serving: an orchestrator must not restart it for this
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_up_garbage_is_collected_once_the_host_has_settled()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:CompactAfterStartup"] = "00:00:00.2" });
        using var client = app.CreateClient();
        var compaction = app.Services.GetRequiredService<StartupCompaction>();
        for (var i = 0; i < 100 && !compaction.Completed; i++) await Task.Delay(100);
        Assert.True(compaction.Completed);
        // The test machines run Debian (glibc): the C library's heap is trimmed after the collection.
        Assert.Equal(OperatingSystem.IsLinux(), compaction.NativeHeapTrimmed);
    }

    [Fact]
    public async Task Start_up_compaction_can_be_switched_off_and_refuses_a_negative_delay()
    {
        await using (var off = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:CompactAfterStartup"] = "00:00:00" }))
        {
            using var client = off.CreateClient();
            await Task.Delay(500);
            Assert.False(off.Services.GetRequiredService<StartupCompaction>().Completed);
            Assert.False(off.Services.GetRequiredService<StartupCompaction>().NativeHeapTrimmed);
        }
        await using var negative = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:CompactAfterStartup"] = "-00:00:01" });
        var error = Assert.ThrowsAny<Exception>(() => negative.CreateClient());
        Assert.Contains("Memory:CompactAfterStartup", error.ToString());
    }

    [Fact]
    public async Task The_native_heap_is_trimmed_now_and_then_unless_switched_off()
    {
        await using (var on = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:TrimNativeHeapInterval"] = "00:00:00.1" }))
        {
            using var client = on.CreateClient();
            var trimming = on.Services.GetRequiredService<NativeHeapTrimming>();
            for (var i = 0; i < 100 && trimming.Trims < 3; i++) await Task.Delay(100);
            // The test machines run Debian (glibc); elsewhere there is nothing to trim.
            Assert.Equal(OperatingSystem.IsLinux(), trimming.Trims >= 3);
        }
        await using (var off = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:TrimNativeHeapInterval"] = "00:00:00" }))
        {
            using var client = off.CreateClient();
            await Task.Delay(500);
            Assert.Equal(0, off.Services.GetRequiredService<NativeHeapTrimming>().Trims);
        }
        await using var negative = new KalugaBotApp(new Dictionary<string, string?> { ["Memory:TrimNativeHeapInterval"] = "-00:00:01" });
        var error = Assert.ThrowsAny<Exception>(() => negative.CreateClient());
        Assert.Contains("Memory:TrimNativeHeapInterval", error.ToString());
    }
}
