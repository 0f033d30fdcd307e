$d1024_direct << EOD
1 7748.914 0.201
16 28914.947 1.702
64 43265.967 4.3
EOD
$d1024_proxy_pair << EOD
1 3164.73 0.45
16 8459.222 4.131
64 10038.804 11.949
EOD
$d1024_relay_pair << EOD
1 1929.169 0.723
16 9865.137 3.318
64 14173.018 8.286
EOD
$d1024_gateway_pair << EOD
1 406.914 6.065
16 2947.935 11.759
64 4742.212 24.896
EOD
$d65536_direct << EOD
1 1682.535 1.279
16 3054.783 8.965
64 2631.32 36.14
EOD
$d65536_proxy_pair << EOD
1 865.703 1.777
16 1417.023 17.708
64 1679.539 62.859
EOD
$d65536_relay_pair << EOD
1 586.179 2.577
16 1133.936 23.084
64 1353.942 79.404
EOD
$d65536_gateway_pair << EOD
1 262.86 7.322
16 678.804 33.118
64 783.011 134.796
EOD
$d1048576_direct << EOD
1 137.917 16.502
16 193.677 155.448
64 182.646 696.426
EOD
$d1048576_proxy_pair << EOD
1 69.309 21.962
16 101.596 204.04
64 116.306 750.776
EOD
$d1048576_relay_pair << EOD
1 68.311 23.136
16 78.555 249.319
64 82.136 1090.282
EOD
$d1048576_gateway_pair << EOD
1 40.321 35.027
16 64.318 400.515
64 66.291 2128.13
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run5/benchmark-dotnet.png'
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
