const { src, dest, task } = require('gulp');

// gulp 5 reads files as UTF-8 unless told otherwise, which corrupts PNGs: keep assets byte-exact.
function copyAssets() {
	return src(['{nodes,credentials,icons}/**/*.{png,svg}', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist'));
}

task('build:icons', copyAssets);
