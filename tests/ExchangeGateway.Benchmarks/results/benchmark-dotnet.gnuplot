$d1024_direct << EOD
1 7242.992 0.235
16 35815.297 1.342
64 41743.103 4.426
EOD
$d1024_proxy_pair << EOD
1 3175.458 0.465
16 7683.524 3.954
64 9541.003 12.053
EOD
$d1024_relay_pair << EOD
1 2068.791 0.659
16 10729.654 3.198
64 13508.648 8.432
EOD
$d1024_gateway_pair << EOD
1 493.872 4.532
16 2580.959 13.369
64 3907.024 33.857
EOD
$d65536_direct << EOD
1 1707.881 1.069
16 3500.8 7.847
64 3234.576 28.437
EOD
$d65536_proxy_pair << EOD
1 834.268 1.725
16 1422.503 18.196
64 1690.584 61.668
EOD
$d65536_relay_pair << EOD
1 701.818 2.044
16 1363.856 20.234
64 1417.383 66.401
EOD
$d65536_gateway_pair << EOD
1 272.505 6.276
16 725.304 31.601
64 842.622 121.883
EOD
$d1048576_direct << EOD
1 160.613 14.69
16 177.98 192.521
64 184.697 695.039
EOD
$d1048576_proxy_pair << EOD
1 69.622 22.734
16 112.872 183
64 116.967 747.693
EOD
$d1048576_relay_pair << EOD
1 62.98 29.794
16 82.983 286.976
64 79.232 1014.164
EOD
$d1048576_gateway_pair << EOD
1 36.318 41.277
16 57.391 421.78
64 56.466 2194.285
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
