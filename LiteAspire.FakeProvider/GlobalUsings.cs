// What every provider endpoint file uses: the JSON API, the fake's content, fault gate and wire writers.
// (Microsoft.AspNetCore.Builder/Http/Routing come with the Web SDK's implicit usings.)
global using System.Text.Json;

global using LiteAspire.FakeProvider.Content;
global using LiteAspire.FakeProvider.Faults;
global using LiteAspire.FakeProvider.Wire;
