using LiteAspire.Proxy.Configuration;

namespace LiteAspire.Proxy.Tests.Configuration;

public class ProxyConfigLoaderTests
{
    private static readonly Dictionary<string, string> s_environment = new()
    {
        ["AZURE_API_KEY"] = "azure-secret",
        ["AZURE_API_BASE"] = "https://example-eu.openai.azure.com",
        ["MASTER_FROM_ENV"] = "sk-from-env",
    };

    private static ProxyConfig Parse(string yaml) =>
        ProxyConfigLoader.Parse(yaml, "config.yaml", name => s_environment.GetValueOrDefault(name));

    [Fact]
    public void Parse_DocumentedModelList_ReadsTypedParamsAndKeepsExtraKeys()
    {
        var config = Parse("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: azure/gpt-4o-eu
                  api_base: https://eu.example.com
                  api_key: sk-abc
                  api_version: "2024-02-01"
                  rpm: 100
                  tpm: 100000
                  timeout: 30.5
                  weight: 2
                  order: 1
                  aws_region_name: eu-west-1
                  temperature: 0.2
                  drop_params: true
                  tags: [fast, eu]
                model_info:
                  id: deployment-1
                  mode: chat
                  max_tokens: 4096
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
            """);

        Assert.Equal(2, config.ModelList.Count);
        var first = config.ModelList[0];
        Assert.Equal("gpt-4o", first.ModelName);
        var p = first.LiteLLMParams;
        Assert.Equal("azure/gpt-4o-eu", p.Model);
        Assert.Equal("https://eu.example.com", p.ApiBase);
        Assert.Equal("sk-abc", p.ApiKey);
        Assert.Equal("2024-02-01", p.ApiVersion);
        Assert.Equal(100, p.Rpm);
        Assert.Equal(100_000, p.Tpm);
        Assert.Equal(30.5, p.Timeout);
        Assert.Equal(2.0, p.Weight);
        Assert.Equal(1, p.Order);
        Assert.Equal("eu-west-1", p.Extra["aws_region_name"]);
        Assert.Equal(0.2, p.Extra["temperature"]);
        Assert.Equal(true, p.Extra["drop_params"]);
        Assert.Equal(["fast", "eu"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(p.Extra["tags"]));
        Assert.False(p.Extra.ContainsKey("model"));
        Assert.False(p.Extra.ContainsKey("rpm"));
        Assert.Equal("deployment-1", first.ModelInfo["id"]);
        Assert.Equal(4096L, first.ModelInfo["max_tokens"]);
        Assert.Equal("openai/gpt-4o", config.ModelList[1].LiteLLMParams.Model);
        Assert.Null(config.ModelList[1].LiteLLMParams.Rpm);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Parse_OsEnvironIndirection_ResolvesEverywhereInTheFile()
    {
        var config = Parse("""
            model_list:
              - model_name: azure-gpt
                litellm_params:
                  model: azure/gpt-4o
                  api_key: os.environ/AZURE_API_KEY
                  api_base: "os.environ/AZURE_API_BASE"
                  extra_headers:
                    x-key: os.environ/AZURE_API_KEY
            general_settings:
              master_key: os.environ/MASTER_FROM_ENV
            litellm_settings:
              cache_params:
                password: os.environ/AZURE_API_KEY
            """);

        var p = config.ModelList[0].LiteLLMParams;
        Assert.Equal("azure-secret", p.ApiKey);
        Assert.Equal("https://example-eu.openai.azure.com", p.ApiBase);
        var headers = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(p.Extra["extra_headers"]);
        Assert.Equal("azure-secret", headers["x-key"]);
        Assert.Equal("sk-from-env", config.GeneralSettings.MasterKey);
        Assert.Equal("azure-secret", config.LiteLLMSettings.CacheParams["password"]);
    }

    [Fact]
    public void Parse_OsEnvironOfUnsetVariable_GivesNullAndOneWarningNamingIt()
    {
        var config = Parse("""
            model_list:
              - model_name: m
                litellm_params:
                  model: openai/gpt-4o
                  api_key: os.environ/NOT_SET_ANYWHERE
            """);

        Assert.Null(config.ModelList[0].LiteLLMParams.ApiKey);
        var warning = Assert.Single(config.Warnings);
        Assert.Contains("NOT_SET_ANYWHERE (at model_list[0].litellm_params.api_key)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EnvironmentVariables_AreReadAndSeenByOsEnvironBeforeTheProcessEnvironment()
    {
        var config = Parse("""
            environment_variables:
              AZURE_API_KEY: from-the-file
              PORT_NUMBER: 4000
            model_list:
              - model_name: m
                litellm_params:
                  model: azure/gpt-4o
                  api_key: os.environ/AZURE_API_KEY
            """);

        Assert.Equal("from-the-file", config.EnvironmentVariables["AZURE_API_KEY"]);
        Assert.Equal("4000", config.EnvironmentVariables["PORT_NUMBER"]);
        Assert.Equal("from-the-file", config.ModelList[0].LiteLLMParams.ApiKey);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeys_AreKeptWithOneWarningListingThem()
    {
        var config = Parse("""
            model_list: []
            my_custom_section:
              a: 1
            another_unknown: true
            guardrails: []
            """);

        var warning = Assert.Single(config.Warnings);
        Assert.Contains("my_custom_section (unknown)", warning, StringComparison.Ordinal);
        Assert.Contains("another_unknown (unknown)", warning, StringComparison.Ordinal);
        Assert.Contains("guardrails (LiteLLM section not supported yet)", warning, StringComparison.Ordinal);
        Assert.Equal(true, config.IgnoredSections["another_unknown"]);
        var custom = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(config.IgnoredSections["my_custom_section"]);
        Assert.Equal(1L, custom["a"]);
    }

    [Fact]
    public void Parse_MalformedYaml_FailsWithLineNumberAndReason()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
                 rpm: 100
            """));

        Assert.StartsWith("config.yaml line 5, column ", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not find expected key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongTypeForRpm_FailsWithLineAndPath()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  model: openai/gpt-4o
                  rpm: lots
            """));

        Assert.Equal("config.yaml line 5, column 12: model_list[0].litellm_params.rpm must be a whole number, not 'lots'.", error.Message);
    }

    [Fact]
    public void Parse_DeploymentWithoutModel_FailsNamingTheDeployment()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("""
            model_list:
              - model_name: gpt-4o
                litellm_params:
                  api_key: sk-1
            """));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("model_list[0].litellm_params (model_name 'gpt-4o') has no model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TabIndentation_PointsAtTheTab()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("model_list:\n  - model_name: a\n    litellm_params:\n\t  model: openai/a\n"));

        Assert.StartsWith("config.yaml line 4, column 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_FailsWithItsLine()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("""
            general_settings:
              master_key: sk-1
            general_settings:
              master_key: sk-2
            """));

        Assert.StartsWith("config.yaml line 3, column 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("general_settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopLevelList_FailsSayingItMustBeAMapping()
    {
        var error = Assert.Throws<ProxyConfigException>(() => Parse("- a\n- b\n"));

        Assert.Equal("config.yaml line 1, column 1: the top level of the config must be a mapping (key: value lines).", error.Message);
    }

    [Fact]
    public void Parse_MergeKeys_FillInValuesNotOverridden()
    {
        var config = Parse("""
            defaults: &defaults
              api_base: https://shared.example.com
              rpm: 10
            model_list:
              - model_name: a
                litellm_params:
                  <<: *defaults
                  model: openai/a
                  rpm: 20
            """);

        var p = config.ModelList[0].LiteLLMParams;
        Assert.Equal("https://shared.example.com", p.ApiBase);
        Assert.Equal(20, p.Rpm);
    }

    [Fact]
    public void Parse_Yaml11Scalars_ReadAsPyYamlReadsThem()
    {
        var config = Parse("""
            litellm_settings:
              drop_params: yes
              num_retries: 3
              request_timeout: 600
              cache: off
              quoted_number: "42"
              version_like: 1.2.3
              nothing: ~
            router_settings:
              routing_strategy: usage-based-routing-v2
              cooldown_time: 0.5
              model_group_alias:
                gpt-4: gpt-4o
            """);

        Assert.True(config.LiteLLMSettings.DropParams);
        Assert.Equal(3, config.LiteLLMSettings.NumRetries);
        Assert.Equal(600.0, config.LiteLLMSettings.RequestTimeout);
        Assert.False(config.LiteLLMSettings.Cache);
        Assert.Equal("42", config.LiteLLMSettings.Extra["quoted_number"]);
        Assert.Equal("1.2.3", config.LiteLLMSettings.Extra["version_like"]);
        Assert.Null(config.LiteLLMSettings.Extra["nothing"]);
        Assert.Equal("usage-based-routing-v2", config.RouterSettings.RoutingStrategy);
        Assert.Equal(0.5, config.RouterSettings.CooldownTime);
        Assert.Equal("gpt-4o", config.RouterSettings.ModelGroupAlias["gpt-4"]);
    }

    [Fact]
    public void Parse_EmptyFile_GivesEmptyConfig()
    {
        var config = Parse(string.Empty);

        Assert.Empty(config.ModelList);
        Assert.Null(config.GeneralSettings.MasterKey);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void LoadFile_MissingFile_FailsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<ProxyConfigException>(() => ProxyConfigLoader.LoadFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
