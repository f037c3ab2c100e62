using PartyPlatform.Platform.Benchmark;

// dotnet run -c Release --project tests/Platform.Benchmark -- gateway|soak|profiles|surveys|dashboard [options]; see docs/benchmarks.md.
var options = Options.Parse(args);
if (options.Command is not ("gateway" or "soak" or "profiles" or "surveys" or "dashboard"))
{
    Console.WriteLine("""
        gateway [--rate 200] [--fixed-seconds 10] [--saturate-seconds 10] [--callers 16] [--rounds 3]
            the same GET through the gateway and straight to Organizations
        soak [--rate 50] [--duration 00:10:00] | soak --step [--rates 50,75,100,...] [--step-seconds 60] [--warmup-seconds 60]
            county renames through the gateway at a fixed rate
        profiles [--rate 50] [--fixed-seconds 20] [--rounds 3]
            the city's village-secretary profile, and its counties', read through the gateway
        surveys [--visits 1600000] [--households 1600000] [--seed 20261201] [--batch 50000] [--part-lines 200000]
            the city's visits ingested through the gateway county by county, against Surveys' ingest in process and raw COPY
            (a running platform also needs --surveys-db "<Surveys' connection string>")
        dashboard [--rate 50] [--fixed-seconds 20] [--rounds 3] [--facts 100] [--no-visits] [surveys' --visits ... options]
            the city's and a county's overview read through the gateway at the city's scale (its visits ingested first),
            and facts timed to the Dashboard's read model and to its event stream
        Each starts the platform itself (the AppHost, throwaway data), or measures a running one:
            --gateway http://localhost:5080 [--organizations http://localhost:PORT] [--apphost-pid PID]
        """);
    return 1;
}

await using var platform = await PlatformUnderTest.OpenAsync(options);
await (options.Command switch
{
    "gateway" => GatewayCost.RunAsync(platform, options),
    "soak" => Soak.RunAsync(platform, options),
    "surveys" => SurveyIngest.RunAsync(platform, options),
    "dashboard" => DashboardFigures.RunAsync(platform, options),
    _ => ProfileReads.RunAsync(platform, options),
});
return 0;
