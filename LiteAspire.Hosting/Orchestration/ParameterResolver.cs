using System.Text.Json;
using LiteAspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace LiteAspire.Hosting.Orchestration;

/// <summary>
/// Gives every parameter its value: configuration (Parameters:name) first, else a default generated once
/// and kept in the state folder's parameters.json (readable by its owner only), so data stays usable between runs.
/// </summary>
internal static class ParameterResolver
{
    public const string FileName = "parameters.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Resolve(IEnumerable<ParameterResource> parameters, IConfiguration configuration, string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        var stored = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
        var changed = false;

        foreach (var parameter in parameters)
        {
            var configured = configuration[$"Parameters:{parameter.Name}"];
            if (!string.IsNullOrEmpty(configured))
            {
                parameter.Resolve(configured);
            }
            else if (stored.TryGetValue(parameter.Name, out var kept))
            {
                parameter.Resolve(kept);
            }
            else if (parameter.Default is { } defaultValue)
            {
                stored[parameter.Name] = defaultValue.GetDefaultValue();
                parameter.Resolve(stored[parameter.Name]);
                changed = true;
            }
            else
            {
                throw new DistributedApplicationException(
                    $"Parameter '{parameter.Name}' has no value: set Parameters:{parameter.Name} in the AppHost's appsettings.json, " +
                    $"or the environment variable Parameters__{parameter.Name}.");
            }
        }

        if (changed)
        {
            Directory.CreateDirectory(stateDirectory);
            File.WriteAllText(path, JsonSerializer.Serialize(stored, Indented));
            NativeMethods.RestrictToOwner(path);
        }
    }
}
