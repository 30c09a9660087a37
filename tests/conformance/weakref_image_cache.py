# A thumbnail cache that does not keep images alive: WeakValueDictionary drops an entry as
# soon as the last strong reference to its image goes (CPython frees it at that moment).
import asyncio
import weakref


class Image:
    loads = 0

    def __init__(self, path, size):
        self.path = path
        self.size = size
        Image.loads += 1

    def __repr__(self):
        return f"Image({self.path!r}, {self.size})"


class ImageCache:
    def __init__(self):
        self._images = weakref.WeakValueDictionary()

    async def get(self, path):
        image = self._images.get(path)
        if image is not None:
            print(f"  hit  {path}")
            return image
        print(f"  miss {path}")
        await asyncio.sleep(0.01)  # pretend to decode the file
        image = Image(path, len(path) * 100)
        self._images[path] = image
        return image

    def cached(self):
        return sorted(self._images.keys())


async def main():
    cache = ImageCache()
    shown = [await cache.get("cat.png"), await cache.get("dog.png")]
    again = await cache.get("cat.png")
    print("same object:", again is shown[0], "loads:", Image.loads)
    print("cached:", cache.cached(), len(cache._images))

    del again
    shown.pop(0)          # the page no longer shows the cat
    print("after closing cat:", cache.cached())
    print("'cat.png' in cache:", "cat.png" in cache._images)
    try:
        cache._images["cat.png"]
    except KeyError as e:
        print("KeyError:", e)

    # A page that shows images while it renders: they go when it returns.
    async def render(paths):
        images = [await cache.get(p) for p in paths]
        print("rendering", images, "cached:", cache.cached())
        return sum(image.size for image in images)

    print("total size:", await render(["a.png", "b.png", "a.png"]))
    print("after rendering:", cache.cached(), "loads:", Image.loads)

    # The mapping API: items/values/pop/setdefault/update/copy.
    keep = Image("keep.png", 1)
    cache._images.update({"keep.png": keep})
    print(list(cache._images.items()))
    print(cache._images.setdefault("keep.png", Image("other.png", 2)))
    copy = cache._images.copy()
    print(type(copy).__name__, list(copy.values()))
    print(cache._images.pop("keep.png"), len(cache._images), len(copy))
    print(cache._images.pop("nope", "default"))
    try:
        cache._images.popitem()
    except KeyError as e:
        print("KeyError:", e)
    print(cache._images == {}, copy == {"keep.png": keep})


asyncio.run(main())
