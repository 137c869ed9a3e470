// Each test hosts the whole app; running them one at a time keeps the shared 2-core machine responsive and avoids
// LiteDB's first-use mapper race (see LiteDbLeadStore) in types outside this feature.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
