"""The two small scripts doctor runs in the backend's own interpreter (`python -c SCRIPT`).

They are strings, not modules: the backend's Python cannot import ERP Guardian, and a frozen
guardian has no .py files to hand over. They must run on any Python 3 the ERP might use (no
newer syntax), print one line that starts with MARK followed by ASCII JSON (a sitecustomize or
the ERP's own module may print too), and leave through os._exit, so that a thread the ERP
started at import cannot keep the probe alive.
"""

from __future__ import annotations

MARK = "ERP-GUARDIAN-DOCTOR:"

# The installed distributions and the values PEP 508 markers are evaluated against, computed as
# packaging.markers.default_environment() does (the ERP's Python may not have packaging).
FACTS = r"""
import json, os, platform, sys
try:
    from importlib import metadata
except ImportError:
    metadata = None

def full_version(info):
    version = "%d.%d.%d" % (info.major, info.minor, info.micro)
    if info.releaselevel != "final":
        version += info.releaselevel[0] + str(info.serial)
    return version

distributions = []
if metadata is not None:
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            distributions.append([name, dist.version, list(dist.requires or [])])
facts = {
    "executable": sys.executable,
    "version": full_version(sys.version_info),
    "in_venv": sys.prefix != getattr(sys, "base_prefix", sys.prefix),
    "has_metadata": metadata is not None,
    "distributions": distributions,
    "markers": {
        "implementation_name": sys.implementation.name,
        "implementation_version": full_version(sys.implementation.version),
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    },
}
sys.stdout.write("\n" + MARK + json.dumps(facts) + "\n")
sys.stdout.flush()
os._exit(0)
""".replace("MARK", repr(MARK))

# argv[1]: a JSON list of [label, module, attribute or null]. Without an attribute the module
# is what `python -m` would run: found, not imported (importing it would start the server).
IMPORTS = r"""
import importlib, importlib.util, json, os, sys
results = {}
for label, name, attribute in json.loads(sys.argv[1]):
    try:
        if attribute is None:
            spec = importlib.util.find_spec(name)
            if spec is None:
                raise ModuleNotFoundError("No module named %r" % name)
            if spec.submodule_search_locations is not None:
                if importlib.util.find_spec(name + ".__main__") is None:
                    raise ImportError("%s is a package without __main__" % name)
        else:
            found = importlib.import_module(name)
            for part in attribute.split("."):
                found = getattr(found, part)
        results[label] = ""
    except BaseException as error:  # SystemExit or KeyboardInterrupt at import count too
        results[label] = "%s: %s" % (type(error).__name__, error)
sys.stdout.write("\n" + MARK + json.dumps(results) + "\n")
sys.stdout.flush()
os._exit(0)
""".replace("MARK", repr(MARK))
