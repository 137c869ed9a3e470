using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KalugaBot.Testing;

namespace KalugaBot.Protocol.Tests;

/// <summary>The host's runtimeconfig names runtime settings the in-process test host never reads (GC, JIT); here the built
/// host runs as its own process with them, as <c>dotnet run</c> starts it.</summary>
public sealed class HostRuntimeConfigTests
{
    [Fact]
    public async Task The_host_starts_with_the_garbage_collector_its_runtimeconfig_names()
    {
        var folder = AppContext.BaseDirectory;
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "KalugaBot.Host.runtimeconfig.json")));
        var gcName = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .TryGetProperty("System.GC.Name", out var name) ? name.GetString() : null;
        // The standalone GC is set for Linux builds only (the host's project file); elsewhere the runtime's own GC runs.
        Assert.Equal(OperatingSystem.IsLinux(), gcName is not null);

        using var data = new TestFolder();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "KalugaBot.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Storage__DataFolder"] = data.Path;
        start.Environment.Remove("DOTNET_GCName"); // the runtimeconfig's choice, not the test runner's
        using var host = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        host.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            var healthy = false;
            for (var i = 0; i < 600 && !healthy && !host.HasExited; i++)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    healthy = response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException) { }
                if (!healthy) await Task.Delay(100);
            }
            Assert.True(healthy, "The host did not answer /health:\n" + string.Join('\n', output));
            if (gcName is not null)
            {
                var maps = await File.ReadAllTextAsync($"/proc/{host.Id}/maps");
                Assert.Contains("/" + gcName, maps);
            }
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }
}
