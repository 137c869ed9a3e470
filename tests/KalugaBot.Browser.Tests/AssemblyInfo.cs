// One Chromium at a time: the machine has 2 cores shared with the build and other test assemblies.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
