using System.Reflection;
using KalugaBot.Bench;

// Every IBenchmarkCommand in this assembly is a command; each lives in its own file.
var commands = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name)
    .ToList();

var command = args.Length > 0 ? commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (command is null)
{
    Console.WriteLine("Usage: dotnet run -c Release --project bench/KalugaBot.Bench -- NAME [options]");
    foreach (var c in commands) Console.WriteLine($"  {c.Name,-20} {c.Description}");
    return args.Length == 0 ? 0 : 2;
}
return await command.RunAsync(args[1..]);
