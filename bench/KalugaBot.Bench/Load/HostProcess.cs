using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KalugaBot.Bench.Load;

/// <summary>The real host in its own process on a real Kestrel port, so its memory is measured alone.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const string HostOnlyPrefix = "HOSTENV_";
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    private readonly bool _ownsDataFolder;
    private readonly List<LogEvent> _storageEvents;

    /// <summary>A line the host logged, with when the bench read it (Stopwatch ticks).</summary>
    public sealed record LogEvent(long At, string Message);

    private HostProcess(Process process, string baseUrl, string dataFolder, bool ownsDataFolder, List<LogEvent> storageEvents)
    {
        _storageEvents = storageEvents;
        _process = process;
        BaseUrl = baseUrl;
        _dataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        _sampler = Task.Run(SampleAsync);
    }

    public string BaseUrl { get; }
    /// <summary>The highest sample since the host started, start-up (index build, warm-ups) included.</summary>
    public long PeakWorkingSet { get; private set; }
    public long LastWorkingSet { get; private set; }
    private long _windowSum, _windowSamples, _windowPeak;

    /// <summary>The highest sample since <see cref="StartMemoryWindow"/>: the load's own peak, without start-up's.</summary>
    public long WindowPeakWorkingSet => Interlocked.Read(ref _windowSamples) > 0 ? Interlocked.Read(ref _windowPeak) : LastWorkingSet;

    /// <summary>Mean of the working-set samples (every 250 ms) since <see cref="StartMemoryWindow"/>: one sample at the end
    /// lands anywhere between a collection and the next, ±20 MB under load.</summary>
    public long MeanWorkingSet => Interlocked.Read(ref _windowSamples) is > 0 and var n ? Interlocked.Read(ref _windowSum) / n : LastWorkingSet;

    /// <summary>What the host logged about folding LiteDB's log and collecting after it, when started with storageEvents.</summary>
    public IReadOnlyList<LogEvent> StorageEvents
    {
        get { lock (_storageEvents) return _storageEvents.ToList(); }
    }

    public void StartMemoryWindow()
    {
        Interlocked.Exchange(ref _windowSum, 0);
        Interlocked.Exchange(ref _windowSamples, 0);
        Interlocked.Exchange(ref _windowPeak, 0);
    }

    /// <summary>CPU time the host process has used so far (all cores).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="dataFolder">An existing data folder (kept afterwards); by default a fresh one that is deleted.</param>
    /// <param name="storageEvents">Keep the host's log lines about folds and the collections after them (<see cref="StorageEvents"/>).</param>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> settings, string? dataFolder = null, bool storageEvents = false)
    {
        var repo = FindRepo();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var hostFolder = Path.Combine(repo, "src", "KalugaBot.Host");
        var dll = Path.Combine(hostFolder, "bin", configuration, "net10.0", "KalugaBot.Host.dll");
        // BENCH_HOST_DLL runs another build in the same harness, e.g. a bare ASP.NET Core host as a floor to compare with.
        if (Environment.GetEnvironmentVariable("BENCH_HOST_DLL") is { Length: > 0 } other) (dll, hostFolder) = (Path.GetFullPath(other), Path.GetDirectoryName(Path.GetFullPath(other))!);
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the host first ({configuration}): {dll}");

        var port = FreePort();
        var ownsDataFolder = dataFolder is null;
        dataFolder ??= Path.Combine(Path.GetTempPath(), "kalugabot-bench", Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = hostFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}"); // the command line wins over appsettings.json
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Storage__DataFolder"] = dataFolder;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        const string checkpoints = "KalugaBot.Protocol.Storage.LiteDbLogCheckpoints";
        if (storageEvents) info.Environment["Logging__LogLevel__" + checkpoints] = "Information";
        // HOSTENV_X=v sets X=v for the host alone, e.g. HOSTENV_DOTNET_gcServer=1 tries a runtime knob without also
        // changing the load generator.
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            if (variable.Key is string name && name.StartsWith(HostOnlyPrefix, StringComparison.Ordinal))
                info.Environment[name[HostOnlyPrefix.Length..]] = variable.Value as string;
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        // Warnings and errors with the lines that follow them (message, exception and stack), not the rest of the log.
        var inEntry = false;
        var inStorageEntry = false;
        var events = new List<LogEvent>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            // The console logger writes "info: Category[0]" and then the message, indented, on the next line.
            if (inStorageEntry && line.StartsWith(' ')) lock (events) events.Add(new LogEvent(Stopwatch.GetTimestamp(), line.Trim()));
            inStorageEntry = line.StartsWith("info: " + checkpoints, StringComparison.Ordinal);
            if (!line.StartsWith(' ')) inEntry = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
            if (inEntry || line.StartsWith("Unhandled", StringComparison.Ordinal)) Console.Error.WriteLine("host: " + line);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, $"http://127.0.0.1:{port}", dataFolder, ownsDataFolder, events);
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            try
            {
                using var response = await http.GetAsync(host.BaseUrl + "/health");
                if (response.IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The host did not become healthy in 30 s.");
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _process.Refresh();
                LastWorkingSet = _process.WorkingSet64;
                PeakWorkingSet = Math.Max(PeakWorkingSet, LastWorkingSet);
                Interlocked.Add(ref _windowSum, LastWorkingSet);
                if (LastWorkingSet > Interlocked.Read(ref _windowPeak)) Interlocked.Exchange(ref _windowPeak, LastWorkingSet);
                Interlocked.Increment(ref _windowSamples);
                await Task.Delay(250, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || _process.HasExited) { return; }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KalugaBot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("KalugaBot.sln not found above the bench binary.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _sampler; } catch (OperationCanceledException) { }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_ownsDataFolder) try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
